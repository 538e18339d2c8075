{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← L'organisation</a></p>
<div class="row"><div class="col-md-6">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>EXPIRY_DAYS_FIELD}}
  <button class="btn btn-primary" type="submit">Enregistrer</button>
</form>
</div></div>
