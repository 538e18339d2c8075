{{%AUTOESCAPE context="HTML"}}<p class="lead">Jalon réunit les professionnels de l'insertion d'un territoire autour d'un parcours partagé pour chaque personne accompagnée.</p>
<div class="card mb-3 carte-public"><div class="card-body">
  <h2 class="h5">Vous cherchez un emploi, une formation, de l'aide ?</h2>
  <p>En quelques questions, sans inscription : à qui vous adresser en premier, les adresses les plus proches de chez vous et ce qui peut vous aider.</p>
  <a class="btn btn-primary" href="/par-ou-commencer">Par où commencer ?</a>
  <p class="mt-3 mb-0">Et aussi : <a href="/annuaire">l'annuaire des services d'insertion</a>, <a href="/iae/eligibilite">le simulateur d'éligibilité à l'IAE</a>.</p>
</div></div>
<div class="row g-3">
  <div class="col-md-6">
    <div class="card h-100"><div class="card-body">
      <h2 class="h5">Vous êtes un professionnel</h2>
      <p>Conseillers, structures d'insertion, organismes de formation, employeurs, services de l'État et du Département : connectez-vous à votre espace.</p>
      <a class="btn btn-primary" href="/connexion">Se connecter</a>
      <p class="mt-3 mb-0"><a href="/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
    </div></div>
  </div>
  <div class="col-md-6">
    <div class="card h-100"><div class="card-body">
      <h2 class="h5">Vous avez reçu une invitation</h2>
      <p class="mb-0">Ouvrez le lien reçu par e-mail pour créer votre accès et rejoindre votre organisation. Le lien est valable quelques jours ; s'il a expiré, demandez-en un nouveau à l'administrateur de votre structure.</p>
    </div></div>
  </div>
</div>
