{{%AUTOESCAPE context="HTML"}}{{#EDITING}}<p><a href="/organisations/{{ORG_ID}}">← {{ORG_NAME}}</a></p>{{/EDITING}}
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>NAME_FIELD}}
  {{>KIND_FIELD}}
  {{>SIRET_FIELD}}
  {{#FIXED}}
  <dl class="row fiche">
    <dt class="col-sm-4">Type</dt><dd class="col-sm-8">{{KIND}}</dd>
    <dt class="col-sm-4">SIRET</dt><dd class="col-sm-8">{{SIRET}}</dd>
  </dl>
  <p class="form-text">Le type et le SIRET ne peuvent être modifiés que par l'administration de la plateforme.</p>
  {{/FIXED}}
  {{>COMMUNE_CODE_FIELD}}
  {{>AUTHORISED_PRESCRIBER_FIELD}}
  {{>ADMIN_EMAIL_FIELD}}
  <button class="btn btn-primary" type="submit">{{#CREATING}}Créer l'organisation{{/CREATING}}{{#EDITING}}Enregistrer{{/EDITING}}</button>
</form>
</div></div>
