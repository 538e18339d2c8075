{{%AUTOESCAPE context="HTML"}}{{#EDITING}}<p><a href="{{BACK}}">← Retour à la fiche</a></p>{{/EDITING}}
{{#DUPLICATES}}
<div class="alert alert-warning" role="alert">
  <h2 class="h5">Cette personne a peut-être déjà une fiche</h2>
  <ul>
  {{#DUPLICATE}}<li>{{#VISIBLE}}<a href="{{LINK}}">{{NAME}}</a>, née le {{BIRTH}} : {{/VISIBLE}}{{#HIDDEN}}Une fiche suivie par une autre organisation (identité masquée) : {{/HIDDEN}}{{REASON}}</li>{{/DUPLICATE}}
  </ul>
  <p class="mb-0">Vérifiez avant de créer une nouvelle fiche. S'il s'agit bien d'une autre personne, cochez la case en bas du formulaire.</p>
</div>
{{/DUPLICATES}}
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="mb-3"><legend class="h5">Identité</legend>
  {{>LAST_NAME_FIELD}}
  {{>FIRST_NAME_FIELD}}
  {{>BIRTH_NAME_FIELD}}
  {{>BIRTH_DATE_FIELD}}
  {{>SEX_FIELD}}
  {{>FT_ID_FIELD}}
  {{>QUALIFICATION_LEVEL_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Coordonnées</legend>
  {{>EMAIL_FIELD}}
  {{>PHONE_FIELD}}
  {{>ADDRESS_FIELD}}
  {{>POSTAL_CODE_FIELD}}
  {{>COMMUNE_CODE_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Consentement</legend>
  {{>CONSENT_SHARING_FIELD}}
  </fieldset>
  {{>CONFIRM_NEW_FIELD}}
  <button class="btn btn-primary" type="submit">Enregistrer la fiche</button>
</form>
</div></div>
