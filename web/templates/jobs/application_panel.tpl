{{%AUTOESCAPE context="HTML"}}<section class="mt-4" aria-labelledby="candidatures-titre">
<h2 class="h4" id="candidatures-titre">Candidatures à des offres d'emploi</h2>
{{#NONE}}<p>Aucune candidature.</p>{{/NONE}}
{{#HAS_ROWS}}<ul>{{#ROW}}<li><a href="{{URL}}">{{OFFER}}</a> chez {{EMPLOYER}}, envoyée le {{CREATED}} : <span class="badge badge-role">{{STATE}}</span></li>{{/ROW}}</ul>{{/HAS_ROWS}}
<p><a class="btn btn-outline-primary" href="{{NEW}}">Postuler à une offre pour cette personne</a></p>
</section>
