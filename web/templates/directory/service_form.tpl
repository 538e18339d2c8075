{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}/annuaire">← Annuaire de l'organisation</a></p>
<p>Structure : <strong>{{STRUCTURE}}</strong></p>
{{#EDITING}}<p>Statut : <span class="badge {{STATUS_CSS}}">{{STATUS}}</span>{{#STALE}} <span class="badge badge-a-verifier">à vérifier</span>{{/STALE}}, mis à jour le {{UPDATED}}. Enregistrer le formulaire confirme que les informations sont à jour.</p>{{/EDITING}}
<div class="row"><div class="col-md-10 col-lg-8">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="mb-3"><legend class="h5">Le service</legend>
  {{>NOM_FIELD}}
  {{>TYPE_FIELD}}
  {{>DESCRIPTION_FIELD}}
  {{>THEMATIQUES_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Pour qui, à quelles conditions</legend>
  {{>PUBLICS_FIELD}}
  {{>PUBLICS_PRECISIONS_FIELD}}
  {{>ZONE_ELIGIBILITE_FIELD}}
  {{>CONDITIONS_ACCES_FIELD}}
  {{>FRAIS_FIELD}}
  {{>FRAIS_PRECISIONS_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Accueil et mobilisation</legend>
  {{>MODES_ACCUEIL_FIELD}}
  {{>MODES_MOBILISATION_FIELD}}
  {{>MOBILISABLE_PAR_FIELD}}
  {{>LIEN_MOBILISATION_FIELD}}
  {{>MOBILISATION_PRECISIONS_FIELD}}
  {{>VOLUME_HORAIRE_HEBDOMADAIRE_FIELD}}
  {{>NOMBRE_SEMAINES_FIELD}}
  </fieldset>
  <fieldset class="mb-3"><legend class="h5">Contact et lieu</legend>
  {{>CONTACT_NOM_PRENOM_FIELD}}
  {{>TELEPHONE_FIELD}}
  {{>COURRIEL_FIELD}}
  {{>HORAIRES_ACCUEIL_FIELD}}
  {{>ADRESSE_FIELD}}
  {{>COMPLEMENT_ADRESSE_FIELD}}
  {{>CODE_POSTAL_FIELD}}
  {{>CODE_INSEE_FIELD}}
  </fieldset>
  <button class="btn btn-primary" type="submit">Enregistrer le service</button>
</form>
</div></div>
