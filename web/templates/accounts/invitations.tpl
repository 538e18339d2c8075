{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}">← {{ORG_NAME}}</a></p>
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="/organisations/{{ORG_ID}}/invitations" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>EMAIL_FIELD}}
  {{>ROLE_FIELD}}
  {{>SOCIAL_WORKER_FIELD}}
  <button class="btn btn-primary" type="submit">Envoyer l'invitation</button>
</form>
</div></div>
<h2 class="h4 mt-5">Invitations en attente</h2>
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption class="visually-hidden">Invitations en attente</caption>
  <thead><tr><th scope="col">E-mail</th><th scope="col">Rôle</th><th scope="col">Invité par</th><th scope="col">Expire le</th><th scope="col">Action</th></tr></thead>
  <tbody>
  {{#INVITATION}}
    <tr>
      <th scope="row">{{EMAIL}}</th><td data-label="Rôle">{{ROLE}}{{#SOCIAL_WORKER}}, travailleur social{{/SOCIAL_WORKER}}</td><td data-label="Invité par">{{INVITED_BY}}</td><td data-label="Expire le">{{EXPIRES}}</td>
      <td data-label="Action">
        <form method="post" action="/organisations/{{ORG_ID}}/invitations/{{ID}}/annuler">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button class="btn btn-sm btn-outline-danger" type="submit">Annuler<span class="visually-hidden"> l'invitation de {{EMAIL}}</span></button>
        </form>
      </td>
    </tr>
  {{/INVITATION}}
  </tbody>
</table>
</div>
