{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← Retour à la fiche</a></p>
<p>Un nouveau diagnostic ne remplace pas les précédents : ils restent dans l'historique. Le formulaire reprend le dernier diagnostic.
Un champ laissé sur « – Choisir – » reste non renseigné : le moteur d'orientation ne devine rien.</p>
<div class="row"><div class="col-md-10 col-lg-8">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="mb-3"><legend class="h5">Entretien</legend>
  {{>MADE_ON_FIELD}}
  {{>COMMUNE_CODE_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Situation</legend>
  {{#SITUATION}}{{>FIELD}}{{/SITUATION}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Freins à l'insertion</legend>
  <p class="form-text mt-0">Sociaux comme professionnels : pour chacun, sa sévérité aujourd'hui.</p>
  {{#BARRIER}}{{>FIELD}}{{/BARRIER}}
  {{#JUDGEMENT}}{{>FIELD}}{{/JUDGEMENT}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Métiers et compétences</legend>
  {{>JOB_FIELD}}
  {{>JOB_TEXT_FIELD}}
  <p><button class="btn btn-outline-primary" type="submit" name="etape" value="chercher">Chercher le métier et afficher ses compétences</button></p>
  {{>ROME_SKILL_FIELD}}
  {{#NO_SKILLS}}<p class="form-text">Les compétences du ROME s'affichent ici une fois un métier coché.</p>{{/NO_SKILLS}}
  {{>TRANSVERSAL_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Éligibilité à l'IAE</legend>
  {{>CRITERIA_FIELD}}
  </fieldset>
  {{>COMMENT_FIELD}}
  <button class="btn btn-primary" type="submit" name="etape" value="enregistrer">Enregistrer le diagnostic</button>
</form>
</div></div>
