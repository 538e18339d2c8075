{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← Retour</a></p>
<div class="row"><div class="col-md-10 col-lg-8">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="mb-3"><legend class="h5">Métier</legend>
  {{>JOB_TITLE_FIELD}}
  {{#NO_JOB}}<p class="form-text mt-0">Tapez un intitulé puis « Chercher » : les métiers du ROME qui y correspondent s'afficheront ici.</p>{{/NO_JOB}}
  {{>JOB_TEXT_FIELD}}
  <p><button class="btn btn-outline-primary" type="submit" name="etape" value="chercher">Chercher le métier et afficher ses compétences</button></p>
  {{>TITLE_FIELD}}
  {{>DESCRIPTION_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Poste</legend>
  {{>COMMUNE_CODE_FIELD}}
  {{>CONTRACT_FIELD}}
  {{>CONTRACT_MONTHS_FIELD}}
  {{>HOURS_FIELD}}
  {{>START_ON_FIELD}}
  {{>POSITIONS_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Conditions</legend>
  {{>LICENCE_REQUIRED_FIELD}}
  {{>DISABILITY_ACCESSIBLE_FIELD}}
  {{>IAE_RESERVED_FIELD}}
  {{>MAX_DISTANCE_KM_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Compétences</legend>
  {{>SKILLS_FIELD}}
  {{>ESSENTIAL_FIELD}}
  {{#NO_SKILLS}}<p class="form-text mt-0">Les compétences du métier s'affichent ici une fois le métier choisi (« Chercher »).</p>{{/NO_SKILLS}}
  </fieldset>
  <button class="btn btn-primary" type="submit" name="etape" value="enregistrer">{{SUBMIT}}</button>
</form>
</div></div>
