{{%AUTOESCAPE context="HTML"}}<p><a href="/compte">← Mon compte</a> · <a href="/notifications">Mes notifications</a></p>
<p>Pour chaque événement, choisissez si Jalon vous prévient dans l'application (la cloche en haut de page), par e-mail, les deux, ou pas du tout.</p>
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="/compte/notifications" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#KIND}}
  <div class="mb-3">
    <label class="form-label" for="{{FIELD}}">{{LABEL}}</label>
    <select class="form-select" id="{{FIELD}}" name="{{FIELD}}">
      {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
    </select>
  </div>
  {{/KIND}}
  <button class="btn btn-primary" type="submit">Enregistrer mes préférences</button>
</form>
</div></div>
