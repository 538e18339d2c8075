{{%AUTOESCAPE context="HTML"}}<p><a href="{{AGENDA_URL}}">← Agenda</a></p>
<form method="get" class="row g-2 align-items-end mb-3" novalidate>
  <div class="col-sm-4 col-lg-3">{{>DU_FIELD}}</div>
  <div class="col-sm-4 col-lg-3">{{>AU_FIELD}}</div>
  <div class="col-auto mb-3"><button class="btn btn-outline-primary" type="submit">Afficher</button></div>
</form>
<p>Taux d'absence : rendez-vous manqués sans prévenir, parmi ceux dont l'issue est connue (venu, excusé ou absent). Les rendez-vous encore prévus et les annulés ne comptent pas.</p>
{{#NONE}}<p>Aucun rendez-vous sur cette période.</p>{{/NONE}}
<div class="table-responsive">
<table class="table">
  <caption>Rendez-vous du {{FROM}} au {{TO}}, par conseiller</caption>
  <thead><tr><th scope="col">Conseiller</th><th scope="col">Prévus</th><th scope="col">Venus</th><th scope="col">Excusés</th><th scope="col">Absents sans prévenir</th><th scope="col">Annulés</th><th scope="col">Taux d'absence</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><th scope="row">{{NAME}}</th><td>{{N_planned}}</td><td>{{N_seen}}</td><td>{{N_excused}}</td><td>{{N_no_show}}</td><td>{{N_cancelled}}</td><td>{{RATE}}</td></tr>{{/ROW}}
  {{#TOTAL}}<tr class="fw-bold"><th scope="row">Ensemble</th><td>{{N_planned}}</td><td>{{N_seen}}</td><td>{{N_excused}}</td><td>{{N_no_show}}</td><td>{{N_cancelled}}</td><td>{{RATE}}</td></tr>{{/TOTAL}}
  </tbody>
</table>
</div>
