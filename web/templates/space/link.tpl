{{%AUTOESCAPE context="HTML"}}<p>Ce lien ouvre votre espace personnel sur cet appareil. Il ne sert qu'une fois.</p>
<form method="post" action="/mon-espace/lien/{{CODE}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <button class="btn btn-primary" type="submit">Ouvrir mon espace</button>
</form>
<p class="mt-3 text-muted">Sur un ordinateur partagé, pensez à vous déconnecter à la fin.</p>
