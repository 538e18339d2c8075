{{%AUTOESCAPE context="HTML"}}{{>PATHWAY_NAV}}
<form method="get" action="{{ACTION}}" class="row g-2 align-items-end mb-3" aria-label="Filtrer la chronologie">
  <div class="col-md-5">{{>TYPE_FIELD}}</div>
  <div class="col-md-3 mb-3"><button class="btn btn-outline-primary" type="submit">Filtrer</button></div>
</form>
<p>{{COUNT}} événement(s), du plus récent au plus ancien.</p>
{{#EMPTY}}<p>Rien à afficher pour ce filtre.</p>{{/EMPTY}}
<ol class="list-unstyled">
{{#ENTRY}}<li class="border-start ps-3 mb-3">
  <p class="small text-muted mb-0"><time datetime="{{DATETIME}}">{{AT}}</time> — {{WHO}}</p>
  <h2 class="h6 mb-1">{{TITLE}}</h2>
  {{#DETAIL}}<p class="texte-service mb-0">{{TEXT}}</p>{{/DETAIL}}
</li>{{/ENTRY}}
</ol>
