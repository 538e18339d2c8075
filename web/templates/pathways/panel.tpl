{{%AUTOESCAPE context="HTML"}}<section class="mt-4" aria-labelledby="parcours-titre">
<h2 class="h4" id="parcours-titre">Parcours et orientations</h2>
{{#CURRENT}}<p>Parcours en cours depuis le {{STARTED}} <span class="badge badge-role">{{STATUS}}</span>, référent : {{REFERENT}}.{{#NOT_MEMBER}} Votre organisation n'en est pas membre.{{/NOT_MEMBER}}</p>{{/CURRENT}}
{{#NONE}}<p>Aucun parcours en cours.</p>{{/NONE}}
{{#PENDING}}<p class="mb-1">Orientation en attente vers {{TO}}, envoyée le {{SENT}} par {{FROM}}{{#LINK}} — <a href="{{URL}}">voir<span class="visually-hidden"> l'orientation vers {{TO}}</span></a>{{/LINK}}</p>{{/PENDING}}
<p class="d-flex flex-wrap gap-2 mt-2"><a class="btn btn-primary" href="{{PATHWAYS}}">Parcours</a>
  <a class="btn btn-outline-primary" href="{{ORIENT}}">Orienter vers une autre structure</a></p>
</section>
