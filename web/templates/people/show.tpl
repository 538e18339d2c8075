{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}/personnes">← Personnes accompagnées</a></p>
<p class="d-flex flex-wrap gap-2">
  <a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/personnes/{{ID}}/modifier">Modifier la fiche</a>
  {{#ADMIN}}<a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/journal?personne={{ID}}">Journal des accès à cette fiche</a>{{/ADMIN}}
</p>
<dl class="row fiche">
  <dt class="col-sm-4 col-lg-3">Nom d'usage</dt><dd class="col-sm-8 col-lg-9">{{LAST_NAME}}</dd>
  <dt class="col-sm-4 col-lg-3">Prénom</dt><dd class="col-sm-8 col-lg-9">{{FIRST_NAME}}</dd>
  {{#BIRTH_NAME}}<dt class="col-sm-4 col-lg-3">Nom de naissance</dt><dd class="col-sm-8 col-lg-9">{{VALUE}}</dd>{{/BIRTH_NAME}}
  <dt class="col-sm-4 col-lg-3">Date de naissance</dt><dd class="col-sm-8 col-lg-9">{{BIRTH}}</dd>
  <dt class="col-sm-4 col-lg-3">Sexe</dt><dd class="col-sm-8 col-lg-9">{{SEX}}</dd>
  <dt class="col-sm-4 col-lg-3">E-mail</dt><dd class="col-sm-8 col-lg-9">{{EMAIL}}</dd>
  <dt class="col-sm-4 col-lg-3">Téléphone</dt><dd class="col-sm-8 col-lg-9">{{PHONE}}</dd>
  <dt class="col-sm-4 col-lg-3">Adresse</dt><dd class="col-sm-8 col-lg-9">{{ADDRESS}}</dd>
  <dt class="col-sm-4 col-lg-3">Identifiant France Travail</dt><dd class="col-sm-8 col-lg-9">{{FT_ID}}</dd>
  <dt class="col-sm-4 col-lg-3">Niveau de qualification</dt><dd class="col-sm-8 col-lg-9">{{LEVEL}}</dd>
  <dt class="col-sm-4 col-lg-3">Consentement au partage</dt><dd class="col-sm-8 col-lg-9">{{CONSENT}}</dd>
</dl>
{{#PANEL}}{{HTML:none}}{{/PANEL}}
<h2 class="h4 mt-4">Organisations qui ont accès à la fiche</h2>
<ul>
{{#GRANT}}<li>{{ORG}} ({{REASON}}){{#REVOCABLE}}
  <form method="post" action="{{ACTION}}" class="d-inline ms-2">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button class="btn btn-sm btn-outline-danger" type="submit">Retirer l'accès<span class="visually-hidden"> de {{ORG}}</span></button>
  </form>{{/REVOCABLE}}</li>{{/GRANT}}
</ul>
{{#SHARE}}
<form method="post" action="{{ACTION}}" class="row g-2 align-items-end" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="col-sm-6 col-lg-4">
    <label class="form-label" for="organisation_id">Partager avec l'organisation n°</label>
    <input class="form-control" type="text" inputmode="numeric" id="organisation_id" name="organisation_id" required>
  </div>
  <div class="col-auto mb-0"><button class="btn btn-outline-primary" type="submit">Partager la fiche</button></div>
</form>
{{/SHARE}}
{{#MERGE}}
<h2 class="h4 mt-4">Fusionner une fiche en double</h2>
<form method="post" action="{{ACTION}}" class="row g-2 align-items-end" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="col-sm-6 col-lg-4">
    <label class="form-label" for="other">Numéro de la fiche en double</label>
    <p class="form-text mt-0 mb-1" id="other-aide">Elle sera fusionnée dans celle-ci : ses accès passent à cette fiche, son historique est conservé.</p>
    <input class="form-control" type="text" inputmode="numeric" id="other" name="other" aria-describedby="other-aide" required>
  </div>
  <div class="col-auto mb-0"><button class="btn btn-outline-danger" type="submit">Fusionner dans cette fiche</button></div>
</form>
{{/MERGE}}
{{#NO_SHARE}}<p class="text-muted">Sans le consentement de la personne, la fiche ne peut pas être partagée avec d'autres organisations.</p>{{/NO_SHARE}}
