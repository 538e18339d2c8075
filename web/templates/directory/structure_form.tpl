{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}/annuaire">← Annuaire de l'organisation</a></p>
<div class="row"><div class="col-md-10 col-lg-8">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="mb-3"><legend class="h5">Identité</legend>
  {{>NOM_FIELD}}
  {{>TYPOLOGIE_FIELD}}
  {{>SIRET_FIELD}}
  {{>DESCRIPTION_FIELD}}
  {{>RESEAUX_PORTEURS_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Adresse</legend>
  {{>ADRESSE_FIELD}}
  {{>COMPLEMENT_ADRESSE_FIELD}}
  {{>CODE_POSTAL_FIELD}}
  {{>CODE_INSEE_FIELD}}
  {{>LATITUDE_FIELD}}
  {{>LONGITUDE_FIELD}}
  {{>ACCESSIBILITE_LIEU_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Contact et accueil</legend>
  {{>TELEPHONE_FIELD}}
  {{>COURRIEL_FIELD}}
  {{>SITE_WEB_FIELD}}
  {{>HORAIRES_ACCUEIL_FIELD}}
  </fieldset>
  <button class="btn btn-primary" type="submit">Enregistrer la structure</button>
</form>
</div></div>
