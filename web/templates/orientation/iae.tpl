{{%AUTOESCAPE context="HTML"}}{{#INTRO}}<p class="lead">Une personne peut-elle être recrutée par une structure d'insertion par l'activité économique (SIAE) ? Indiquez sa situation et le type de structure : le simulateur applique les critères administratifs d'éligibilité et dit lesquels sont remplis, ce qui manque et les justificatifs à réunir. Rien n'est enregistré.</p>{{/INTRO}}
{{#ANSWER}}
<section aria-labelledby="verdict-titre" class="mb-5 reponse">
  <h2 id="verdict-titre" class="h3" tabindex="-1">{{VERDICT}}</h2>
  <p class="text-body-secondary">En {{KIND}}, diagnostic {{AUTHOR}} au {{TODAY}}. Rien n'a été enregistré.</p>
  {{#ASSESSMENT}}<p class="alert alert-info">Les critères ne suffisent pas, mais un prescripteur habilité peut valider l'éligibilité sur sa propre appréciation, comme vous l'avez indiqué.</p>{{/ASSESSMENT}}
  {{#MISSING}}<p class="alert alert-warning">{{TEXT}}</p>{{/MISSING}}
  <p>{{REQUIREMENT}}.</p>

  <section aria-labelledby="criteres-titre" class="mb-4">
    <h3 id="criteres-titre" class="h4">Critères remplis</h3>
    {{#NO_CRITERION}}<p>Aucun critère n'est établi par les informations données.</p>{{/NO_CRITERION}}
    {{#LEVEL}}
    <h4 class="h5">Niveau {{LEVEL}}</h4>
    <ul>
      {{#CRITERION}}<li class="critere" id="critere-{{CODE}}"><strong>{{LABEL}}</strong> <span class="badge badge-role">{{BASIS}}</span>
        <br><span class="small">{{REASON}}</span>
        <br><span class="small">Justificatif : {{PROOF}}</span></li>{{/CRITERION}}
    </ul>
    {{/LEVEL}}
  </section>

  {{#REJECTED}}
  <section aria-labelledby="ecartes-titre" class="mb-4">
    <h3 id="ecartes-titre" class="h4">Critères écartés</h3>
    <ul>{{#ITEM}}<li><strong>{{LABEL}}</strong> : {{WHY}}</li>{{/ITEM}}</ul>
  </section>
  {{/REJECTED}}

  {{#TO_CHECK}}
  <section aria-labelledby="verifier-titre" class="mb-4">
    <h3 id="verifier-titre" class="h4">À vérifier</h3>
    <p>Les informations données ne permettent pas de dire si ces critères sont remplis :</p>
    <ul>{{#ITEM}}<li>{{LABEL}} (niveau {{LEVEL}})</li>{{/ITEM}}</ul>
  </section>
  {{/TO_CHECK}}

  {{#PROOFS}}
  <section aria-labelledby="justificatifs-titre" class="mb-4">
    <h3 id="justificatifs-titre" class="h4">Justificatifs à réunir</h3>
    <ul>{{#ITEM}}<li>{{TEXT}}</li>{{/ITEM}}</ul>
  </section>
  {{/PROOFS}}

  <section aria-labelledby="validite-titre" class="mb-4">
    <h3 id="validite-titre" class="h4">Validité du diagnostic</h3>
    <p>{{VALIDITY}}</p>
  </section>
</section>
<h2 class="h4">Modifier la simulation</h2>
{{/ANSWER}}
<form method="post" action="/iae/eligibilite" novalidate>
  <fieldset class="mb-3">
    <legend class="h5">La structure et le diagnostic</legend>
    <div class="row g-2">
      <div class="col-md-6">{{>KIND_FIELD}}</div>
      <div class="col-md-6">{{>AUTHOR_FIELD}}</div>
    </div>
    {{>PRESCRIBER_ASSESSMENT_FIELD}}
  </fieldset>
  <fieldset class="mb-3">
    <legend class="h5">La personne</legend>
    <div class="row g-2">
      <div class="col-sm-4">{{>AGE_FIELD}}</div>
      <div class="col-sm-8">{{>BIRTH_DATE_FIELD}}</div>
    </div>
    <div class="row g-2">
      <div class="col-md-6">{{>RESOURCE_FIELD}}</div>
      <div class="col-md-6">{{>RESOURCE_SINCE_FIELD}}</div>
    </div>
    {{>JOBSEEKER_SINCE_FIELD}}
    <div class="row g-2">
      <div class="col-md-6">{{>QUALIFICATION_FIELD}}</div>
      <div class="col-md-6">{{>HOUSING_FIELD}}</div>
    </div>
    <div class="row g-2">
      <div class="col-md-4">{{>RQTH_FIELD}}</div>
      <div class="col-md-4">{{>SINGLE_PARENT_FIELD}}</div>
      <div class="col-md-4">{{>ASE_FIELD}}</div>
    </div>
    <div class="row g-2">
      <div class="col-md-4">{{>REFUGEE_FIELD}}</div>
      <div class="col-md-4">{{>JUSTICE_FIELD}}</div>
      <div class="col-md-4">{{>FRENCH_FIELD}}</div>
    </div>
    <div class="row g-2">
      <div class="col-md-4">{{>MOBILITY_FIELD}}</div>
      <div class="col-md-4">{{>QPV_FIELD}}</div>
      <div class="col-md-4">{{>ZRR_FIELD}}</div>
    </div>
  </fieldset>
  {{>CRITERIA_FIELD}}
  <button class="btn btn-primary" type="submit">Simuler l'éligibilité</button>
</form>
