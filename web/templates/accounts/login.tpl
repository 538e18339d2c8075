{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-md-7 col-lg-5">
<form method="post" action="/connexion" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="suivant" value="{{SUIVANT}}">
  {{>EMAIL_FIELD}}
  {{>PASSWORD_FIELD}}
  <button class="btn btn-primary" type="submit">Se connecter</button>
  <p class="mt-3"><a href="/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
</form>
</div></div>
