{{%AUTOESCAPE context="HTML"}}<h2 class="h4 mt-4">Mes candidatures</h2>
{{#NONE}}<p>Aucune candidature pour l'instant.</p>{{/NONE}}
<ul class="list-unstyled">
{{#ROW}}<li class="border rounded p-3 mb-2">
  <p class="mb-1"><strong>{{OFFER}}</strong> chez {{EMPLOYER}}</p>
  <p class="mb-1">Envoyée le {{CREATED}} : {{STATE}}</p>
  {{#HIRED}}<p class="mb-1">Date d'embauche : {{VALUE}}</p>{{/HIRED}}
  {{#ANSWER}}<p class="mb-1">Message de l'employeur : {{TEXT}}</p>{{/ANSWER}}
  {{#WITHDRAW}}<form method="post" action="{{URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-sm btn-outline-danger" type="submit">Retirer ma candidature<span class="visually-hidden"> pour {{OFFER}}</span></button></form>{{/WITHDRAW}}
</li>{{/ROW}}
</ul>
<p><a class="btn btn-outline-primary" href="/mon-espace/candidatures/nouvelle">Postuler à une offre</a></p>
