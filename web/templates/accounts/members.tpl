{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}">← {{ORG_NAME}}</a></p>
{{#MANAGER}}<p><a class="btn btn-primary" href="/organisations/{{ORG_ID}}/invitations">Inviter un collègue</a></p>{{/MANAGER}}
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption>Membres de l'organisation</caption>
  <thead><tr><th scope="col">Nom</th><th scope="col">E-mail</th><th scope="col">Rôle</th>{{#ADMIN}}<th scope="col">Gérer</th>{{/ADMIN}}</tr></thead>
  <tbody>
  {{#MEMBER}}
    <tr>
      <th scope="row">{{NAME}}</th>
      <td data-label="E-mail">{{EMAIL}}</td>
      <td data-label="Rôle">{{ROLE}}{{#SOCIAL_WORKER}}, travailleur social{{/SOCIAL_WORKER}}</td>
      {{#MEMBER_ADMIN}}
      <td data-label="Gérer">
        <form method="post" action="/organisations/{{ORG_ID}}/membres/{{USER_ID}}" class="d-flex flex-wrap gap-2 align-items-center mb-2">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <label class="visually-hidden" for="role-{{USER_ID}}">Rôle de {{NAME}}</label>
          <select class="form-select form-select-sm w-auto" id="role-{{USER_ID}}" name="role">
            <option value="member"{{#IS_MEMBER}} selected{{/IS_MEMBER}}>Membre</option>
            <option value="admin"{{#IS_ADMIN}} selected{{/IS_ADMIN}}>Administrateur</option>
          </select>
          <span class="form-check mb-0">
            <input class="form-check-input" type="checkbox" id="sw-{{USER_ID}}" name="social_worker" value="on"{{#SW_CHECKED}} checked{{/SW_CHECKED}}>
            <label class="form-check-label" for="sw-{{USER_ID}}">Travailleur social</label>
          </span>
          <button class="btn btn-sm btn-outline-primary" type="submit">Enregistrer<span class="visually-hidden"> pour {{NAME}}</span></button>
        </form>
        <form method="post" action="/organisations/{{ORG_ID}}/membres/{{USER_ID}}/retirer">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button class="btn btn-sm btn-outline-danger" type="submit">Retirer<span class="visually-hidden"> {{NAME}}</span> de l'organisation</button>
        </form>
      </td>
      {{/MEMBER_ADMIN}}
    </tr>
  {{/MEMBER}}
  </tbody>
</table>
</div>
