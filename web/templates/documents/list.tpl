{{%AUTOESCAPE context="HTML"}}<p><a href="{{PERSON_URL}}">← Fiche de {{PERSON_NAME}}</a></p>
{{#NONE}}<p>Aucun document pour l'instant.</p>{{/NONE}}
<ul class="list-unstyled">
{{#DOC}}
  <li class="border rounded p-3 mb-2">
    <p class="mb-1"><a href="{{URL}}">{{TITLE}}</a> <span class="text-muted">({{TYPE}}, {{SIZE}})</span></p>
    <p class="small text-muted mb-2">{{KIND}} – déposé par {{ORG}} le {{AT}}</p>
    {{#DELETE}}
    <form method="post" action="{{ACTION}}" class="d-inline">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button class="btn btn-sm btn-outline-danger" type="submit">Supprimer<span class="visually-hidden"> le document {{TITLE}}</span></button>
    </form>
    {{/DELETE}}
  </li>
{{/DOC}}
</ul>
<h2 class="h4 mt-4">Déposer un document</h2>
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="{{ACTION}}" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>KIND_FIELD}}
  {{>TITLE_FIELD}}
  {{>FICHIER_FIELD}}
  <button class="btn btn-primary" type="submit">Déposer le document</button>
</form>
</div></div>
