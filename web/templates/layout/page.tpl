{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} – Jalon</title>
<link rel="stylesheet" href="/static/vendor/bootstrap.min.css">
<link rel="stylesheet" href="/static/css/jalon.css">
<link rel="icon" href="/static/img/jalon.svg" type="image/svg+xml">
</head>
<body>
<a class="visually-hidden-focusable lien-evitement" href="#contenu">Aller au contenu</a>
<header class="entete">
  <nav class="navbar navbar-expand-md" aria-label="Navigation principale">
    <div class="container">
      <a class="navbar-brand" href="/"><img src="/static/img/jalon.svg" alt="" width="28" height="28"> Jalon</a>
      <ul class="navbar-nav me-auto">
        {{#LOGGED_IN}}
        <li class="nav-item"><a class="nav-link" href="/tableau-de-bord">Tableau de bord</a></li>
        {{#NAV_ORG}}<li class="nav-item nav-org"><a class="nav-link" href="/organisations/{{ORG_ID}}">{{ORG_NAME}}</a></li>{{/NAV_ORG}}
        {{/LOGGED_IN}}
        {{#PLATFORM_ADMIN}}<li class="nav-item"><a class="nav-link" href="/admin/organisations">Organisations</a></li>{{/PLATFORM_ADMIN}}
        <li class="nav-item"><a class="nav-link" href="/par-ou-commencer">Par où commencer ?</a></li>
        <li class="nav-item"><a class="nav-link" href="/annuaire">Annuaire</a></li>
        <li class="nav-item"><a class="nav-link" href="/emplois">Offres d'emploi</a></li>
      </ul>
      <ul class="navbar-nav">
        {{#BELL}}<li class="nav-item"><a class="nav-link cloche" href="/notifications"{{#CURRENT}} aria-current="page"{{/CURRENT}}><svg class="cloche-icone" aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16"><path fill="currentColor" d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm6-4.5V11l-1.5-1.5V7a4.5 4.5 0 0 0-3.5-4.39V2a1 1 0 0 0-2 0v.61A4.5 4.5 0 0 0 3.5 7v2.5L2 11v.5z"/></svg> Notifications{{#UNREAD}} <span class="badge rounded-pill pastille">{{COUNT}}<span class="visually-hidden"> non lue{{PLURAL}}</span></span>{{/UNREAD}}</a></li>{{/BELL}}
        {{#LOGGED_IN}}
        <li class="nav-item"><a class="nav-link" href="/compte">Mon compte <span class="visually-hidden">({{USER_NAME}})</span></a></li>
        <li class="nav-item">
          <form method="post" action="/deconnexion" class="d-inline">
            <input type="hidden" name="csrf" value="{{CSRF}}">
            <button type="submit" class="btn btn-link nav-link">Se déconnecter</button>
          </form>
        </li>
        {{/LOGGED_IN}}
        {{#PERSON}}
        <li class="nav-item"><a class="nav-link" href="/mon-espace/accueil">Mon espace</a></li>
        <li class="nav-item">
          <form method="post" action="/mon-espace/deconnexion" class="d-inline">
            <input type="hidden" name="csrf" value="{{CSRF}}">
            <button type="submit" class="btn btn-link nav-link">Se déconnecter</button>
          </form>
        </li>
        {{/PERSON}}
        {{#ANONYMOUS}}<li class="nav-item"><a class="nav-link" href="/mon-espace">Mon espace personnel</a></li>
        <li class="nav-item"><a class="nav-link" href="/connexion">Se connecter</a></li>{{/ANONYMOUS}}
      </ul>
    </div>
  </nav>
</header>
<main id="contenu" class="container py-4" tabindex="-1">
  {{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
  {{#ERROR_SUMMARY}}
  <div class="alert alert-danger resume-erreurs" role="alert" aria-labelledby="resume-erreurs-titre" tabindex="-1" autofocus>
    <h2 id="resume-erreurs-titre" class="h5">Le formulaire contient {{ERROR_COUNT}} erreur{{ERROR_PLURAL}}</h2>
    <ul class="mb-0">{{#ERROR_ITEM}}<li>{{#LINKED}}<a href="#{{FIELD}}">{{MESSAGE}}</a>{{/LINKED}}{{#PLAIN}}{{MESSAGE}}{{/PLAIN}}</li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/ERROR_SUMMARY}}
  <h1 class="h2 mb-4">{{HEADING}}</h1>
  {{>BODY}}
</main>
<footer class="pied py-3">
  <div class="container small">Jalon – plateforme partagée de l'insertion sociale et professionnelle. Logiciel libre.</div>
</footer>
</body>
</html>
