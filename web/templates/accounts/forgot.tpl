{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-md-7 col-lg-5">
<p>Indiquez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
<form method="post" action="/mot-de-passe-oublie" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>EMAIL_FIELD}}
  <button class="btn btn-primary" type="submit">Recevoir le lien</button>
  <p class="mt-3"><a href="/connexion">Revenir à la connexion</a></p>
</form>
</div></div>
