{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-md-8 col-lg-6">
<p>{{INVITED_BY}} vous invite à rejoindre <strong>{{ORG}}</strong> sur Jalon avec le rôle : {{ROLE}}.</p>
<p>Adresse e-mail invitée : <strong>{{EMAIL}}</strong></p>
<form method="post" action="/invitation/{{CODE}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#NEW}}
  <p>Créez votre accès : il vous servira pour toutes vos organisations.</p>
  {{>DISPLAY_NAME_FIELD}}
  {{>NEW_PASSWORD_FIELD}}
  {{>CONFIRM_PASSWORD_FIELD}}
  {{/NEW}}
  {{#LOGGED_IN_AS_INVITEE}}<p>Vous êtes connecté avec ce compte : confirmez pour rejoindre l'organisation.</p>{{/LOGGED_IN_AS_INVITEE}}
  {{#EXISTING}}
  <p>Vous avez déjà un compte Jalon avec cette adresse : confirmez avec votre mot de passe.</p>
  {{>PASSWORD_FIELD}}
  {{/EXISTING}}
  <button class="btn btn-primary" type="submit">Accepter l'invitation</button>
</form>
</div></div>
