{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← Retour à la fiche</a></p>
<div class="row g-4">
<div class="col-lg-5">
<section aria-labelledby="profil-titre">
<h2 class="h4" id="profil-titre">Profil emploi</h2>
{{#NOT_STORED}}<p class="alert alert-info">Pas encore de profil enregistré : ci-dessous, les valeurs par défaut. Enregistrez-le pour que la personne apparaisse (sans son nom, si elle l'accepte) dans les rapprochements des employeurs.</p>{{/NOT_STORED}}
<h3 class="h6">D'après le dernier diagnostic</h3>
<dl class="row fiche">
  <dt class="col-sm-5">Métiers recherchés</dt><dd class="col-sm-7">{{#NO_JOB}}aucun : <a href="{{DIAGNOSIS}}">les renseigner dans un diagnostic</a>{{/NO_JOB}}<ul class="list-unstyled mb-0">{{#JOB}}<li>{{LABEL}}</li>{{/JOB}}</ul></dd>
  <dt class="col-sm-5">Compétences du ROME</dt><dd class="col-sm-7">{{SKILLS}}</dd>
  <dt class="col-sm-5">Commune</dt><dd class="col-sm-7">{{COMMUNE}}</dd>
  <dt class="col-sm-5">Distance</dt><dd class="col-sm-7">{{RADIUS}}</dd>
  <dt class="col-sm-5">Permis B</dt><dd class="col-sm-7">{{LICENCE}}</dd>
  <dt class="col-sm-5">Éligibilité IAE</dt><dd class="col-sm-7">{{IAE}}</dd>
</dl>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>SEARCHING_FIELD}}
  {{>SHOWN_TO_EMPLOYERS_FIELD}}
  {{>CONTRACTS_FIELD}}
  {{>MIN_HOURS_FIELD}}
  {{>MAX_HOURS_FIELD}}
  {{>RADIUS_KM_FIELD}}
  {{>COMMUNE_CODE_FIELD}}
  {{>AVAILABLE_ON_FIELD}}
  <button class="btn btn-primary" type="submit">Enregistrer le profil emploi</button>
</form>
</section>
</div>
<div class="col-lg-7">
<section aria-labelledby="offres-titre">
<h2 class="h4" id="offres-titre">Offres pour cette personne</h2>
{{#NO_MATCH}}<p>Il faut au moins un métier recherché (diagnostic) et une commune connue pour rapprocher des offres.</p>{{/NO_MATCH}}
{{#WIDENED}}<p class="alert alert-info">Recherche élargie à {{KM}} pour cette page seulement.</p>{{/WIDENED}}
{{#MATCHES}}
{{#NONE}}<p>Aucune offre ouverte ne correspond aujourd'hui.</p>{{/NONE}}
{{#WIDER}}<p class="alert alert-info">Peu d'offres : <a href="{{URL}}">voir les offres un peu plus loin</a>.</p>{{/WIDER}}
<ol class="list-unstyled">
{{#OFFER}}<li class="card mb-3"><div class="card-body">
  <h3 class="h5 mb-1"><a href="{{LINK}}">{{TITLE}}</a> {{#SCORE}}<span class="badge text-bg-light">score {{VALUE}} / 100</span>{{/SCORE}}{{#IAE}} <span class="badge text-bg-light">réservée IAE</span>{{/IAE}}</h3>
  <p class="mb-1 text-body-secondary">{{EMPLOYER}} · {{PLACE}} · {{CONTRACT}} · {{HOURS}} par semaine</p>
  <ul class="mb-2">{{#WHY}}<li>{{TEXT}}</li>{{/WHY}}</ul>
  <a class="btn btn-sm btn-outline-primary" href="{{APPLY_BASE}}{{ID}}">Postuler pour cette personne<span class="visually-hidden"> : {{TITLE}}</span></a>
</div></li>{{/OFFER}}
</ol>
{{#NEIGHBOURS}}<p class="mb-1">Peu d'offres : des métiers proches (passerelles du ROME), à discuter avec la personne :</p><ul>{{#NEIGHBOUR}}<li>{{LABEL}}</li>{{/NEIGHBOUR}}</ul>{{/NEIGHBOURS}}

{{/MATCHES}}
</section>
</div>
</div>
