{{%AUTOESCAPE context="HTML"}}<p class="lead">Les offres des employeurs et des structures d'insertion, près de chez vous. Sans inscription.</p>
<form method="get" action="/emplois" class="mb-4" role="search" aria-label="Rechercher des offres d'emploi">
  <div class="row g-2">
    <div class="col-md-5">{{>QUOI_FIELD}}</div>
    <div class="col-md-4">{{>LIEU_FIELD}}</div>
    <div class="col-md-3">{{>RAYON_FIELD}}</div>
  </div>
  <div class="row g-2"><div class="col-md-5">{{>CONTRAT_FIELD}}</div></div>
  <button class="btn btn-primary" type="submit">Rechercher</button>
</form>
{{#LATEST}}
<section aria-labelledby="dernieres-titre">
<h2 class="h4" id="dernieres-titre">Dernières offres publiées</h2>
{{#NONE}}<p>Aucune offre publiée pour le moment.</p>{{/NONE}}
<ul class="list-unstyled">
{{#OFFER}}<li class="card mb-2"><div class="card-body"><h3 class="h5 mb-1"><a href="{{LINK}}">{{TITLE}}</a></h3>
<p class="mb-0 text-body-secondary">{{EMPLOYER}} · {{PLACE}} · {{CONTRACT}} · {{HOURS}} par semaine</p></div></li>{{/OFFER}}
</ul>
</section>
{{/LATEST}}
{{#RESULTS}}
<section aria-labelledby="resultats-titre">
  <h2 class="h4" id="resultats-titre" tabindex="-1">Offres près de {{PLACE}} ({{RADIUS}})</h2>
  <p class="text-body-secondary">Métiers recherchés : {{JOBS}}, et les métiers proches. Les offres du même métier et les plus proches viennent d'abord.</p>
  {{#NONE}}<p>Aucune offre ne correspond à cette recherche.</p>{{/NONE}}
  {{#WIDER}}<p class="alert alert-info">Peu d'offres à cette distance : <a href="/emplois?{{QUERY}}">élargir la recherche</a>.</p>{{/WIDER}}
  <ol class="list-unstyled">
  {{#OFFER}}
    <li class="card mb-3"><div class="card-body">
      <h3 class="h5 mb-1"><a href="{{LINK}}">{{TITLE}}</a> <span class="badge text-bg-light">{{DISTANCE}}</span>{{#IAE}} <span class="badge text-bg-light">insertion (IAE)</span>{{/IAE}}{{#ACCESSIBLE}} <span class="badge text-bg-light">accessible handicap</span>{{/ACCESSIBLE}}</h3>
      <p class="mb-1 text-body-secondary">{{EMPLOYER}} · {{PLACE}} · {{CONTRACT}} · {{HOURS}} par semaine</p>
      <details><summary>Pourquoi cette offre ?</summary><ul class="mb-0">{{#WHY}}<li>{{TEXT}}</li>{{/WHY}}</ul></details>
    </div></li>
  {{/OFFER}}
  </ol>
  {{#NEIGHBOURS}}<p class="mb-1">Peu d'offres : essayez aussi ces métiers proches.</p><ul>{{#NEIGHBOUR_LINK}}<li><a href="/emplois?{{QUERY}}">{{LABEL}}</a></li>{{/NEIGHBOUR_LINK}}</ul>{{/NEIGHBOURS}}
  <nav aria-label="Pages de résultats" class="d-flex gap-2">
    {{#PREVIOUS}}<a class="btn btn-outline-primary" href="/emplois?{{QUERY}}">Offres précédentes</a>{{/PREVIOUS}}
    {{#NEXT}}<a class="btn btn-outline-primary" href="/emplois?{{QUERY}}">Offres suivantes</a>{{/NEXT}}
  </nav>
</section>
{{/RESULTS}}
