{{%AUTOESCAPE context="HTML"}}<p>Bonjour {{FIRST_NAME}}.</p>
<h2 class="h4 mt-4">Mon parcours</h2>
{{#NO_PATHWAY}}<p>Aucun parcours en cours.</p>{{/NO_PATHWAY}}
{{#PATHWAY}}<p>Votre référent : {{REFERENT_ORG}}{{#REFERENT_USER}}, {{NAME}}{{/REFERENT_USER}} (depuis le {{SINCE}}).</p>
<h3 class="h5">Mes objectifs</h3>
{{#NO_OBJECTIVE}}<p>Aucun objectif fixé pour l'instant.</p>{{/NO_OBJECTIVE}}
<ul>{{#OBJECTIVE}}<li>{{TITLE}} : {{STATUS}}</li>{{/OBJECTIVE}}</ul>{{/PATHWAY}}
<h3 class="h5">Messages de mes conseillers</h3>
{{#NO_NOTE}}<p>Aucun message.</p>{{/NO_NOTE}}
<ul class="list-unstyled">{{#NOTE}}<li class="border-start ps-3 mb-2"><p class="mb-1 small text-muted">{{ORG}}, {{WHEN}}</p><p class="mb-0">{{BODY}}</p></li>{{/NOTE}}</ul>
{{APPLICATIONS:none}}
<h2 class="h4 mt-4">Mes prochains rendez-vous</h2>
{{#NO_UPCOMING}}<p>Aucun rendez-vous à venir.</p>{{/NO_UPCOMING}}
<ul class="list-unstyled">
{{#UPCOMING}}
  <li class="border rounded p-3 mb-2">
    <p class="mb-1"><strong>{{WHEN}}</strong> ({{DURATION}} minutes) – {{SUBJECT}}</p>
    <p class="mb-1">Avec {{COUNSELLOR}}, {{ORG}}</p>
    {{#PLACE}}<p class="mb-1">Lieu : {{VALUE}}</p>{{/PLACE}}
    {{#VIDEO}}<p class="mb-1">En visio : <a href="{{URL}}">{{URL}}</a></p>{{/VIDEO}}
    <p class="mb-2 small text-muted">Statut : {{STATUS}}</p>
    {{#CANCEL}}
    <form method="post" action="{{ACTION}}">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button class="btn btn-sm btn-outline-danger" type="submit">Je ne pourrai pas venir<span class="visually-hidden"> le {{WHEN}}</span></button>
    </form>
    {{/CANCEL}}
  </li>
{{/UPCOMING}}
</ul>
<p><a href="/mon-espace/rendez-vous.ics">Ajouter mes rendez-vous à mon agenda (.ics)</a></p>
{{#HAS_PAST}}
<h2 class="h4 mt-4">Mes rendez-vous passés</h2>
<ul>
{{#PAST}}<li>{{WHEN}} – {{SUBJECT}} ({{ORG}}) : {{STATUS}}</li>{{/PAST}}
</ul>
{{/HAS_PAST}}
<h2 class="h4 mt-4">Mes documents</h2>
{{#NO_DOC}}<p>Aucun document déposé.</p>{{/NO_DOC}}
<ul>
{{#DOC}}<li><a href="{{URL}}">{{TITLE}}</a> ({{SIZE}}, déposé par {{ORG}})</li>{{/DOC}}
</ul>
<h2 class="h4 mt-4">Qui voit mon dossier</h2>
<ul>
{{#GRANT}}<li>{{ORG}} : {{REASON}}</li>{{/GRANT}}
</ul>
<h2 class="h4 mt-4">Mon consentement au partage</h2>
{{#CONSENTS}}
<p>Vous avez accepté que votre dossier soit partagé entre les organisations qui vous accompagnent. Vous pouvez retirer ce consentement à tout moment : seules l'organisation qui a créé votre dossier et votre référent y garderont accès.</p>
<form method="post" action="/mon-espace/consentement/retirer">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <button class="btn btn-outline-danger" type="submit">Retirer mon consentement au partage</button>
</form>
{{/CONSENTS}}
{{#NO_CONSENT}}<p>Vous n'avez pas donné votre consentement au partage : seules l'organisation qui a créé votre dossier et votre référent y ont accès. Pour le donner, parlez-en à votre conseiller.</p>{{/NO_CONSENT}}
<h2 class="h4 mt-4">Mes données</h2>
<p><a class="btn btn-outline-primary" href="/mon-espace/donnees.json" download>Télécharger mes données (JSON)</a></p>
<p class="small text-muted">Votre fiche, les organisations qui y ont accès, vos rendez-vous, vos candidatures, la liste de vos documents et l'historique des consultations de votre dossier.</p>
