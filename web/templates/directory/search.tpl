{{%AUTOESCAPE context="HTML"}}<p class="lead">Trouvez qui peut vous aider près de chez vous : emploi, formation, logement, mobilité, santé, numérique, démarches… Sans inscription.</p>
<form method="get" action="/annuaire" class="mb-4" role="search" aria-label="Rechercher dans l'annuaire">
  <div class="row g-2">
    <div class="col-md-6">{{>QUOI_FIELD}}</div>
    <div class="col-md-4">{{>LIEU_FIELD}}</div>
    <div class="col-md-2">{{>RAYON_FIELD}}</div>
  </div>
  <div class="row g-2">
    <div class="col-md-4">{{>FREIN_FIELD}}</div>
    <div class="col-md-8">{{>THEMATIQUE_FIELD}}</div>
  </div>
  <div class="row g-2">
    <div class="col-md-4">{{>PUBLIC_FIELD}}</div>
    <div class="col-md-4">{{>FRAIS_FIELD}}</div>
    <div class="col-md-4">{{>ACCUEIL_FIELD}}</div>
  </div>
  <button class="btn btn-primary" type="submit">Rechercher</button>
</form>
{{#RESULTS}}
<section aria-labelledby="resultats-titre">
  <h2 class="h4" id="resultats-titre" tabindex="-1">{{COUNT}}{{#NEAR}} près de {{PLACE}}{{/NEAR}}</h2>
  {{#NONE}}<p>Aucun service ne correspond à cette recherche. Essayez moins de critères ou une distance plus grande.</p>{{/NONE}}
  {{#WIDER}}<p class="alert alert-info">Peu de résultats à cette distance : <a href="/annuaire?{{QUERY}}">élargir la recherche à {{RADIUS}} ({{COUNT}} services)</a>.</p>{{/WIDER}}
  {{#NOT_WIDER}}<p class="alert alert-info">Peu de résultats, et pas davantage à {{RADIUS}} : essayez moins de critères.</p>{{/NOT_WIDER}}
  <ol class="list-unstyled">
  {{#SERVICE}}
    <li class="card mb-3">
      <div class="card-body">
        <h3 class="h5 mb-1"><a href="{{LINK}}">{{NAME}}</a>{{#DISTANCE}} <span class="badge text-bg-light">à {{VALUE}}</span>{{/DISTANCE}}{{#STALE}} <span class="badge badge-a-verifier">à vérifier : pas de mise à jour depuis un an</span>{{/STALE}}</h3>
        <p class="mb-2 text-body-secondary">{{STRUCTURE}}</p>
        <p class="texte-service">{{DESCRIPTION}}</p>
        <dl class="row fiche mb-0">
          {{#FACT}}<dt class="col-sm-3">{{LABEL}}</dt><dd class="col-sm-9">{{VALUE}}</dd>{{/FACT}}
        </dl>
      </div>
    </li>
  {{/SERVICE}}
  </ol>
  <nav aria-label="Pages de résultats" class="d-flex gap-2">
    {{#PREVIOUS}}<a class="btn btn-outline-primary" href="/annuaire?{{QUERY}}">Résultats précédents</a>{{/PREVIOUS}}
    {{#NEXT}}<a class="btn btn-outline-primary" href="/annuaire?{{QUERY}}">Résultats suivants</a>{{/NEXT}}
  </nav>
</section>
{{/RESULTS}}
