{{%AUTOESCAPE context="HTML"}}<p><a href="{{PERSON_URL}}">← Fiche de {{PERSON_NAME}}</a></p>
<p class="d-flex flex-wrap gap-2">
  <a class="btn btn-primary" href="{{NEW_URL}}">Nouveau rendez-vous</a>
  <a class="btn btn-outline-primary" href="{{ICS_URL}}">Exporter vers un agenda (.ics)</a>
</p>
{{#NONE}}<p>Aucun rendez-vous avec votre organisation pour l'instant.</p>{{/NONE}}
<h2 class="h4 mt-4">À venir</h2>
<ul class="list-unstyled">
{{#UPCOMING}}<li class="border rounded p-3 mb-2"><a href="{{URL}}">{{WHEN}}</a> – {{SUBJECT}} <span class="text-muted">({{KIND}}, {{DURATION}} min, {{WHERE}}, avec {{COUNSELLOR}})</span> – statut : {{STATUS}}</li>{{/UPCOMING}}
</ul>
<h2 class="h4 mt-4">Passés</h2>
<ul class="list-unstyled">
{{#PAST}}<li class="border rounded p-3 mb-2"><a href="{{URL}}">{{WHEN}}</a> – {{SUBJECT}} <span class="text-muted">({{KIND}}, avec {{COUNSELLOR}})</span> – statut : <strong>{{STATUS}}</strong></li>{{/PAST}}
</ul>
{{#ENROL}}
<h2 class="h4 mt-4">Inscrire à une séance collective</h2>
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>APPOINTMENT_ID_FIELD}}
  <button class="btn btn-outline-primary" type="submit">Inscrire</button>
</form>
</div></div>
{{/ENROL}}
