{{%AUTOESCAPE context="HTML"}}<dl class="row fiche">
  <dt class="col-sm-3">Nom</dt><dd class="col-sm-9">{{USER_NAME}}</dd>
  <dt class="col-sm-3">Adresse e-mail</dt><dd class="col-sm-9">{{EMAIL}}</dd>
  <dt class="col-sm-3">Organisations</dt>
  <dd class="col-sm-9">{{#NO_MEMBERSHIP}}Aucune{{/NO_MEMBERSHIP}}<ul class="list-unstyled mb-0">{{#MEMBERSHIP}}<li>{{ORG}} – {{ROLE}}{{#SOCIAL_WORKER}}, travailleur social{{/SOCIAL_WORKER}}</li>{{/MEMBERSHIP}}</ul></dd>
</dl>
<p><a href="/compte/notifications">Préférences de notification</a> : comment Jalon vous prévient (dans l'application, par e-mail).</p>
<h2 class="h4 mt-4">Changer de mot de passe</h2>
<div class="row"><div class="col-md-7 col-lg-5">
<form method="post" action="/compte/mot-de-passe" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>CURRENT_PASSWORD_FIELD}}
  {{>NEW_PASSWORD_FIELD}}
  {{>CONFIRM_PASSWORD_FIELD}}
  <button class="btn btn-primary" type="submit">Changer le mot de passe</button>
</form>
</div></div>
