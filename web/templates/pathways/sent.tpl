{{%AUTOESCAPE context="HTML"}}<p><a class="btn btn-outline-primary" href="{{INBOX_URL}}">Orientations reçues</a></p>
<nav aria-label="Filtrer par état" class="mb-3">
  <ul class="nav nav-pills">
    {{#TAB}}<li class="nav-item"><a class="nav-link{{#CURRENT}} active{{/CURRENT}}" href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>{{/TAB}}
  </ul>
</nav>
{{#EMPTY}}<p>Aucune orientation envoyée dans cet état.</p>{{/EMPTY}}
{{#ROW}}
<article class="card mb-3" aria-labelledby="orientation-{{ID}}">
  <div class="card-body">
    <h2 class="h6" id="orientation-{{ID}}"><a href="{{URL}}">N° {{ID}} : {{PERSON}} vers {{TO}}</a> <span class="badge badge-role">{{STATUS}}</span></h2>
    <p class="small mb-1">Service : {{SERVICE}} — envoyée le {{SENT}} par {{FROM}}{{#PENDING}}, sans réponse depuis {{AGE}}, expire après le {{EXPIRES}}{{/PENDING}}</p>
    <h3 class="visually-hidden">Étapes de l'orientation n° {{ID}}</h3>
    <ul class="small mb-0">{{#EVENT}}<li>{{AT}} : {{WHAT}} ({{WHO}}){{#DETAIL}} — {{TEXT}}{{/DETAIL}}</li>{{/EVENT}}</ul>
  </div>
</article>
{{/ROW}}
