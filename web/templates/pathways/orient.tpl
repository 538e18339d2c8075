{{%AUTOESCAPE context="HTML"}}<p><a href="{{PERSON_URL}}">← Fiche de {{PERSON_NAME}}</a></p>
{{#NO_CONSENT}}<p class="alert alert-warning">{{PERSON_NAME}} n'a pas consenti au partage de sa fiche entre organisations : une orientation transmettrait sa fiche, elle n'est donc pas possible. Recueillez d'abord son consentement (modifier la fiche).</p>{{/NO_CONSENT}}
{{#FORM}}
<form method="get" action="{{ACTION}}" class="row g-2 align-items-end mb-3" role="search" aria-label="Rechercher un service de l'annuaire">
  <div class="col-md-7"><label class="form-label" for="recherche">Rechercher un service de l'annuaire</label>
  <p class="form-text mt-0 mb-1" id="recherche-aide">Mots du service ou de la structure ; les plus proches de la commune de la personne d'abord.</p>
  <input class="form-control" type="search" id="recherche" name="recherche" value="{{SEARCH}}" aria-describedby="recherche-aide"></div>
  {{#DIAGNOSIS}}<input type="hidden" name="diagnostic" value="{{ID}}">{{/DIAGNOSIS}}
  <div class="col-md-3 mb-0"><button class="btn btn-outline-primary" type="submit">Rechercher</button></div>
</form>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#DIAGNOSIS}}<input type="hidden" name="diagnosis_id" value="{{ID}}"><p>Orientation issue du diagnostic n° {{ID}}.</p>{{/DIAGNOSIS}}
  <fieldset class="mb-3"{{#SERVICE_ID_ERROR}} aria-describedby="service_id-erreur"{{/SERVICE_ID_ERROR}}>
    <legend class="h5">Service de l'annuaire</legend>
    {{#SERVICE_ID_ERROR}}<p id="service_id-erreur" class="invalid-feedback d-block">{{MESSAGE}}</p>{{/SERVICE_ID_ERROR}}
    {{#NO_SERVICE}}<p>Aucun service ne correspond à cette recherche.</p>{{/NO_SERVICE}}
    {{#SERVICE}}<div class="form-check mb-2">
      {{#CHOOSABLE}}<input class="form-check-input" type="radio" name="service_id" id="service-{{ID}}" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}>{{/CHOOSABLE}}
      {{#DISABLED}}<input class="form-check-input" type="radio" name="service_id" id="service-{{ID}}" value="{{ID}}" disabled aria-describedby="service-{{ID}}-note">{{/DISABLED}}
      <label class="form-check-label" for="service-{{ID}}"><strong>{{NAME}}</strong> — {{STRUCTURE}}{{#WHERE}} ({{TEXT}}){{/WHERE}}</label>
      {{#NO_ACCOUNT}}<p class="form-text mt-0" id="service-{{ID}}-note">Cette structure n'a pas de compte sur Jalon : contactez-la directement.</p>{{/NO_ACCOUNT}}
      {{#OURS}}<p class="form-text mt-0" id="service-{{ID}}-note">Un service de votre organisation.</p>{{/OURS}}
    </div>{{/SERVICE}}
  </fieldset>
  <div class="row"><div class="col-md-8">{{>ORGANISATION_ID_FIELD}}</div></div>
  {{>MOTIF_FIELD}}
  <button class="btn btn-primary" type="submit">Envoyer l'orientation</button>
</form>
{{/FORM}}
