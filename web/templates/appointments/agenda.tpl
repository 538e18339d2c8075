{{%AUTOESCAPE context="HTML"}}<form method="get" class="row g-2 align-items-end mb-3" novalidate>
  <div class="col-sm-5 col-lg-4">{{>CONSEILLER_FIELD}}</div>
  <div class="col-sm-4 col-lg-3">{{>DU_FIELD}}</div>
  <div class="col-auto mb-3"><button class="btn btn-outline-primary" type="submit">Afficher</button></div>
</form>
<p class="d-flex flex-wrap gap-2">
  <a class="btn btn-primary" href="{{NEW_URL}}">Nouveau rendez-vous collectif</a>
  <a class="btn btn-outline-primary" href="{{STATS_URL}}">Statistiques d'absence</a>
  {{#ICS}}<a class="btn btn-outline-primary" href="{{URL}}">Exporter l'agenda de {{NAME}} (.ics)</a>{{/ICS}}
</p>
<p class="text-muted">Pour un rendez-vous individuel, ouvrez la fiche de la personne puis « Rendez-vous ».</p>
{{#HAS_PENDING}}
<h2 class="h4 mt-4">Présences à renseigner</h2>
<ul class="list-unstyled">
{{#PENDING}}<li class="border rounded p-3 mb-2 border-warning"><a href="{{URL}}">{{WHEN}}</a> – {{SUBJECT}} – {{WHO}} <span class="text-muted">({{COUNSELLOR}})</span></li>{{/PENDING}}
</ul>
{{/HAS_PENDING}}
<h2 class="h4 mt-4">Rendez-vous à venir</h2>
{{#NONE}}<p>Aucun rendez-vous à partir de cette date.</p>{{/NONE}}
{{#DAY}}
<h3 class="h5 mt-3">{{LABEL}}</h3>
<ul class="list-unstyled">
{{#ITEM}}<li class="border rounded p-3 mb-2"><a href="{{URL}}"><strong>{{HOUR}}</strong> – {{SUBJECT}}</a> <span class="text-muted">({{KIND}}, {{DURATION}} min, {{WHERE}})</span><br>{{WHO}} – {{COUNSELLOR}} – statut : {{STATUS}}</li>{{/ITEM}}
</ul>
{{/DAY}}
{{#MORE}}<p class="text-muted">Seuls les 50 premiers rendez-vous sont affichés : choisissez une date plus tardive pour voir la suite.</p>{{/MORE}}
