{{%AUTOESCAPE context="HTML"}}<p><a href="{{AGENDA_URL}}">← Agenda</a></p>
<dl class="row fiche">
  <dt class="col-sm-4 col-lg-3">Quand</dt><dd class="col-sm-8 col-lg-9">{{WHEN}} ({{DURATION}} minutes)</dd>
  <dt class="col-sm-4 col-lg-3">Type</dt><dd class="col-sm-8 col-lg-9">{{KIND}}</dd>
  <dt class="col-sm-4 col-lg-3">Conseiller</dt><dd class="col-sm-8 col-lg-9">{{COUNSELLOR}}</dd>
  <dt class="col-sm-4 col-lg-3">Objet</dt><dd class="col-sm-8 col-lg-9">{{SUBJECT}}</dd>
  {{#PLACE}}<dt class="col-sm-4 col-lg-3">Lieu</dt><dd class="col-sm-8 col-lg-9">{{VALUE}}</dd>{{/PLACE}}
  {{#VIDEO}}<dt class="col-sm-4 col-lg-3">Visio</dt><dd class="col-sm-8 col-lg-9"><a href="{{URL}}">{{URL}}</a></dd>{{/VIDEO}}
</dl>
<h2 class="h4 mt-4">Participants et présence</h2>
{{#NOBODY}}<p>Personne n'est encore inscrit.</p>{{/NOBODY}}
<div class="table-responsive">
<table class="table align-middle">
  <caption class="visually-hidden">Participants et présence</caption>
  <thead><tr><th scope="col">Personne</th><th scope="col">Statut</th><th scope="col">Noter la présence</th></tr></thead>
  <tbody>
  {{#PARTICIPANT}}
  <tr>
    <th scope="row"><a href="{{URL}}">{{NAME}}</a></th>
    <td>{{STATUS}}</td>
    <td>
      {{#CHANGEABLE}}
      <form method="post" action="{{ACTION}}" class="d-flex flex-wrap gap-2 align-items-center">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="person_id" value="{{PERSON_ID}}">
        <label class="visually-hidden" for="statut-{{PERSON_ID}}">Présence de {{NAME}}</label>
        <select class="form-select form-select-sm w-auto" id="statut-{{PERSON_ID}}" name="status">
          {{#OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/OPTION}}
        </select>
        <button class="btn btn-sm btn-outline-primary" type="submit">Enregistrer<span class="visually-hidden"> la présence de {{NAME}}</span></button>
      </form>
      {{/CHANGEABLE}}
      {{#FINAL}}<span class="text-muted">définitif</span>{{/FINAL}}
    </td>
  </tr>
  {{/PARTICIPANT}}
  </tbody>
</table>
</div>
{{#HIDDEN}}<p class="text-muted">{{COUNT}} autre(s) personne(s) inscrite(s) dont la fiche n'est plus accessible à votre organisation.</p>{{/HIDDEN}}
{{#ADD}}
<h2 class="h4 mt-4">Inscrire une personne</h2>
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>PERSON_ID_FIELD}}
  <button class="btn btn-outline-primary" type="submit">Inscrire</button>
</form>
</div></div>
{{/ADD}}
{{#CANCEL}}
<h2 class="h4 mt-4">Annuler le rendez-vous</h2>
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p>Les personnes encore attendues passent au statut « annulé » et sont prévenues par e-mail quand leur adresse est connue.</p>
  <button class="btn btn-outline-danger" type="submit">Annuler le rendez-vous</button>
</form>
{{/CANCEL}}
