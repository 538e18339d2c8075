{{%AUTOESCAPE context="HTML"}}<p><a href="/emplois">← Rechercher d'autres offres</a></p>
<p class="lead">{{EMPLOYER}}</p>
{{#CLOSED}}<p class="alert alert-secondary">Cette offre est fermée : l'employeur ne reçoit plus de candidatures.</p>{{/CLOSED}}
<dl class="row fiche">
  {{#FACT}}<dt class="col-sm-3">{{LABEL}}</dt><dd class="col-sm-9">{{VALUE}}</dd>{{/FACT}}
  <dt class="col-sm-3">Publiée le</dt><dd class="col-sm-9">{{PUBLISHED}}</dd>
</dl>
<h2 class="h5">Le poste</h2>
<p class="texte-service">{{DESCRIPTION}}</p>
<h2 class="h5">Compétences demandées</h2>
<ul>{{#SKILL}}<li>{{LABEL}}{{#ESSENTIAL}} <span class="badge text-bg-light">indispensable</span>{{/ESSENTIAL}}</li>{{/SKILL}}</ul>
{{#OPEN}}
<section class="card"><div class="card-body">
<h2 class="h5">Postuler</h2>
<p>Vous êtes accompagné·e par un conseiller (France Travail, Mission Locale, Cap Emploi, une association…) ? Il peut postuler avec vous.
Depuis votre espace personnel, vous pouvez aussi postuler vous-même.</p>
<a class="btn btn-primary" href="{{APPLY}}">Postuler depuis mon espace</a>
</div></section>
{{/OPEN}}
