{{%AUTOESCAPE context="HTML"}}<p><a href="/annuaire">← Rechercher dans l'annuaire</a></p>
{{#MANAGE}}<p><a class="btn btn-outline-primary" href="{{LINK}}">Gérer cette structure dans l'annuaire de votre organisation</a></p>{{/MANAGE}}
{{#DESCRIPTION}}<p class="lead texte-service">{{TEXT}}</p>{{/DESCRIPTION}}
<dl class="row fiche">
  {{#FACT}}<dt class="col-sm-4 col-lg-3">{{LABEL}}</dt><dd class="col-sm-8 col-lg-9">{{VALUE}}</dd>{{/FACT}}
  {{#EMAIL}}<dt class="col-sm-4 col-lg-3">E-mail</dt><dd class="col-sm-8 col-lg-9"><a href="mailto:{{VALUE}}">{{VALUE}}</a></dd>{{/EMAIL}}
  {{#WEBSITE}}<dt class="col-sm-4 col-lg-3">Site web</dt><dd class="col-sm-8 col-lg-9"><a href="{{VALUE}}" rel="noopener">{{VALUE}}</a></dd>{{/WEBSITE}}
  {{#ACCESSIBILITY}}<dt class="col-sm-4 col-lg-3">Accessibilité</dt><dd class="col-sm-8 col-lg-9"><a href="{{VALUE}}" rel="noopener">Fiche Accèslibre</a></dd>{{/ACCESSIBILITY}}
</dl>
<h2 class="h3 mt-4">Services</h2>
{{#NO_SERVICE}}<p>Cette structure n'a pas de service publié pour l'instant.</p>{{/NO_SERVICE}}
{{#SERVICE}}
<section class="card mb-3" id="service-{{ID}}" aria-labelledby="service-{{ID}}-titre">
  <div class="card-body">
    <h3 class="h5" id="service-{{ID}}-titre">{{NAME}}{{#STALE}} <span class="badge badge-a-verifier">à vérifier : pas de mise à jour depuis un an</span>{{/STALE}}</h3>
    <p class="texte-service">{{DESCRIPTION}}</p>
    <dl class="row fiche mb-0">
      {{#FACT}}<dt class="col-sm-4 col-lg-3">{{LABEL}}</dt><dd class="col-sm-8 col-lg-9">{{VALUE}}</dd>{{/FACT}}
      {{#LINK}}<dt class="col-sm-4 col-lg-3">Lien de mobilisation</dt><dd class="col-sm-8 col-lg-9"><a href="{{VALUE}}" rel="noopener">{{VALUE}}</a></dd>{{/LINK}}
    </dl>
  </div>
</section>
{{/SERVICE}}
