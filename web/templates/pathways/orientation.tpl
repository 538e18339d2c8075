{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← {{BACK_NAME}}</a></p>
<dl class="row fiche">
  <dt class="col-sm-4 col-lg-3">Personne</dt><dd class="col-sm-8 col-lg-9">{{PERSON}}</dd>
  <dt class="col-sm-4 col-lg-3">Date de naissance</dt><dd class="col-sm-8 col-lg-9">{{BIRTH}}</dd>
  <dt class="col-sm-4 col-lg-3">Commune</dt><dd class="col-sm-8 col-lg-9">{{COMMUNE}}</dd>
  <dt class="col-sm-4 col-lg-3">Envoyée par</dt><dd class="col-sm-8 col-lg-9">{{FROM}}</dd>
  <dt class="col-sm-4 col-lg-3">Destinataire</dt><dd class="col-sm-8 col-lg-9">{{TO}}</dd>
  <dt class="col-sm-4 col-lg-3">Service</dt><dd class="col-sm-8 col-lg-9">{{SERVICE}}</dd>
  {{#DIAGNOSIS}}<dt class="col-sm-4 col-lg-3">Diagnostic</dt><dd class="col-sm-8 col-lg-9">n° {{ID}}</dd>{{/DIAGNOSIS}}
  <dt class="col-sm-4 col-lg-3">Envoyée le</dt><dd class="col-sm-8 col-lg-9">{{SENT}} (il y a {{AGE}})</dd>
  <dt class="col-sm-4 col-lg-3">État</dt><dd class="col-sm-8 col-lg-9"><span class="badge badge-role">{{STATUS}}</span>{{#REFUSAL}} — {{TEXT}}{{/REFUSAL}}</dd>
  <dt class="col-sm-4 col-lg-3">Expire après le</dt><dd class="col-sm-8 col-lg-9">{{EXPIRES}}</dd>
</dl>
<h2 class="h4">Motif</h2>
<p class="texte-service">{{MOTIF}}</p>
{{#PATHWAY}}<p><a class="btn btn-primary" href="{{URL}}">Voir le parcours</a></p>{{/PATHWAY}}
{{#ANSWER}}
<section aria-labelledby="repondre" class="mb-4">
  <h2 class="h4" id="repondre">Répondre</h2>
  <form method="post" action="{{ACCEPT}}" class="mb-3">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p>En acceptant, votre organisation rejoint le parcours de la personne et accède à sa fiche.</p>
    <button class="btn btn-primary" type="submit">Accepter l'orientation</button>
  </form>
  <details>
    <summary class="mb-2">Refuser l'orientation</summary>
    <form method="post" action="{{REFUSE}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="row"><div class="col-md-6">{{>REASON_FIELD}}</div></div>
      {{>DETAIL_FIELD}}
      <button class="btn btn-outline-danger" type="submit">Refuser l'orientation</button>
    </form>
  </details>
</section>
{{/ANSWER}}
{{#CANCEL}}<form method="post" action="{{ACTION}}" class="mb-4"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-outline-danger" type="submit">Annuler l'orientation</button></form>{{/CANCEL}}
<h2 class="h4">Étapes</h2>
<ul>{{#EVENT}}<li>{{AT}} : {{WHAT}} ({{WHO}}){{#DETAIL}} — {{TEXT}}{{/DETAIL}}</li>{{/EVENT}}</ul>
