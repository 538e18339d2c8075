{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-md-7 col-lg-5">
<form method="post" action="/mot-de-passe/{{CODE}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>NEW_PASSWORD_FIELD}}
  {{>CONFIRM_PASSWORD_FIELD}}
  <button class="btn btn-primary" type="submit">Enregistrer le mot de passe</button>
</form>
</div></div>
