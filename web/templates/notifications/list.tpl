{{%AUTOESCAPE context="HTML"}}<p class="d-flex flex-wrap gap-2 align-items-center">
  <a href="/compte/notifications">Choisir comment être prévenu</a>
  {{#ANY_UNREAD}}
  <form method="post" action="/notifications/lues" class="d-inline ms-auto">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button class="btn btn-outline-primary btn-sm" type="submit">Tout marquer comme lu</button>
  </form>
  {{/ANY_UNREAD}}
</p>
{{#EMPTY}}<p>Vous n'avez aucune notification.</p>{{/EMPTY}}
<ul class="list-unstyled notifications">
{{#ITEM}}
  <li class="notification{{#UNREAD}} non-lue{{/UNREAD}} border rounded p-3 mb-2">
    <p class="mb-1">{{#UNREAD}}<span class="badge badge-a-verifier me-1">Nouveau</span> {{/UNREAD}}{{TEXT}}</p>
    <p class="small text-muted mb-2">{{KIND}} – le {{AT}}</p>
    <div class="d-flex flex-wrap gap-2">
      {{#LINK}}<a class="btn btn-sm btn-outline-primary" href="{{URL}}">Voir<span class="visually-hidden"> : {{TEXT}}</span></a>{{/LINK}}
      {{#UNREAD}}
      <form method="post" action="/notifications/lues" class="d-inline">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="id" value="{{ID}}">
        <button class="btn btn-sm btn-link" type="submit">Marquer comme lue<span class="visually-hidden"> : {{TEXT}}</span></button>
      </form>
      {{/UNREAD}}
    </div>
  </li>
{{/ITEM}}
</ul>
{{#NEXT}}<p><a href="/notifications?avant={{BEFORE}}">Notifications plus anciennes</a></p>{{/NEXT}}
