{{%AUTOESCAPE context="HTML"}}<section class="mt-4" aria-labelledby="diagnostics-titre">
<h2 class="h4" id="diagnostics-titre">Diagnostics</h2>
{{#REFERENT}}<p><strong>À contacter en premier : {{LABEL}}.</strong> {{REASON}}</p>{{/REFERENT}}
{{#NONE}}<p>Aucun diagnostic pour l'instant.</p>{{/NONE}}
<ul>
{{#ITEM}}<li><a href="{{LINK}}">Diagnostic du {{MADE_ON}}</a>{{#CURRENT}} <span class="badge badge-statut">actuel</span>{{/CURRENT}} : {{AUTHOR}}, {{ORG}} ({{BARRIERS}} frein(s))</li>{{/ITEM}}
</ul>
<p><a class="btn btn-outline-primary" href="{{NEW}}">Nouveau diagnostic</a></p>
</section>
