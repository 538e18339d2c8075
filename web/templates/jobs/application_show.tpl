{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← {{BACK_NAME}}</a></p>
<dl class="row fiche">
  <dt class="col-sm-4 col-lg-3">Candidat</dt><dd class="col-sm-8 col-lg-9">{{PERSON}}</dd>
  <dt class="col-sm-4 col-lg-3">Date de naissance</dt><dd class="col-sm-8 col-lg-9">{{BIRTH}}</dd>
  <dt class="col-sm-4 col-lg-3">Contact</dt><dd class="col-sm-8 col-lg-9">{{#EMAIL}}<a href="mailto:{{VALUE}}">{{VALUE}}</a>{{/EMAIL}}{{#PHONE}} {{VALUE}}{{/PHONE}}{{#NO_CONTACT}}non renseigné{{/NO_CONTACT}}</dd>
  <dt class="col-sm-4 col-lg-3">Offre</dt><dd class="col-sm-8 col-lg-9">{{OFFER}}{{#OFFER_CLOSED}} (offre close){{/OFFER_CLOSED}}</dd>
  <dt class="col-sm-4 col-lg-3">Employeur</dt><dd class="col-sm-8 col-lg-9">{{EMPLOYER}}</dd>
  <dt class="col-sm-4 col-lg-3">Envoyée par</dt><dd class="col-sm-8 col-lg-9">{{SENDER}}</dd>
  <dt class="col-sm-4 col-lg-3">Reçue le</dt><dd class="col-sm-8 col-lg-9">{{CREATED}}</dd>
  <dt class="col-sm-4 col-lg-3">État</dt><dd class="col-sm-8 col-lg-9"><span class="badge badge-role">{{STATE}}</span>{{#REASON}} — motif : {{TEXT}}{{/REASON}}</dd>
  {{#HIRED}}<dt class="col-sm-4 col-lg-3">Date d'embauche</dt><dd class="col-sm-8 col-lg-9">{{VALUE}}</dd>{{/HIRED}}
  {{#CV}}<dt class="col-sm-4 col-lg-3">CV</dt><dd class="col-sm-8 col-lg-9"><a href="{{URL}}">{{TITLE}}</a></dd>{{/CV}}
</dl>
<h2 class="h4">Message du candidat</h2>
{{#MESSAGE}}<p class="texte-service">{{TEXT}}</p>{{/MESSAGE}}{{#NO_MESSAGE}}<p>Aucun message.</p>{{/NO_MESSAGE}}
{{#ANSWER}}<h2 class="h4">Réponse de l'employeur au candidat</h2><p class="texte-service">{{TEXT}}</p>{{/ANSWER}}
{{#ACTIONS}}
<section aria-labelledby="decider" class="mb-4">
  <h2 class="h4" id="decider">Suite à donner</h2>
  <div class="d-flex flex-wrap gap-2 mb-3">
  {{#SIMPLE}}<form method="post" action="{{URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="{{ACTION}}"><button class="btn {{CLASS}}" type="submit">{{LABEL}}</button></form>{{/SIMPLE}}
  </div>
  {{#ACCEPT}}<details class="mb-3"{{#OPEN}} open{{/OPEN}}>
    <summary class="mb-2">Accepter la candidature (embauche)</summary>
    <form method="post" action="{{URL}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="accept">
      <div class="row"><div class="col-md-4">{{>HIRED_ON_FIELD}}</div></div>
      <p class="small text-muted">Les autres candidatures en cours de la personne seront closes (embauche ailleurs) et l'embauche ajoutée à son parcours.</p>
      <button class="btn btn-success" type="submit">Accepter la candidature</button>
    </form>
  </details>{{/ACCEPT}}
  {{#REFUSE}}<details{{#OPEN}} open{{/OPEN}}>
    <summary class="mb-2">Refuser la candidature</summary>
    <form method="post" action="{{URL}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="refuse">
      <div class="row"><div class="col-md-6">{{>REASON_FIELD}}</div></div>
      {{>MESSAGE_FIELD}}
      <button class="btn btn-outline-danger" type="submit">Refuser la candidature</button>
    </form>
  </details>{{/REFUSE}}
</section>
{{/ACTIONS}}
<h2 class="h4">Historique</h2>
<ol>{{#EVENT}}<li>{{AT}} : {{WHAT}} ({{WHO}}){{#DETAIL}} — {{TEXT}}{{/DETAIL}}</li>{{/EVENT}}</ol>
