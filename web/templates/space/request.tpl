{{%AUTOESCAPE context="HTML"}}<p>Vous êtes accompagné(e) par une structure qui utilise Jalon (Mission Locale, France Travail, association, Département…) ? Votre espace personnel vous montre vos rendez-vous, vos documents et les organisations qui suivent votre dossier. Vous pouvez y télécharger vos données et retirer votre consentement au partage.</p>
<p>Pas de mot de passe : indiquez l'adresse e-mail que vous avez donnée à votre conseiller, nous vous envoyons un lien de connexion valable {{MINUTES}} minutes, qui ne sert qu'une fois.</p>
<div class="row"><div class="col-md-7 col-lg-5">
<form method="post" action="/mon-espace" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>EMAIL_FIELD}}
  <button class="btn btn-primary" type="submit">Recevoir mon lien de connexion</button>
</form>
</div></div>
<p class="mt-4 text-muted">Vous êtes un professionnel ? <a href="/connexion">Connectez-vous ici</a>.</p>
