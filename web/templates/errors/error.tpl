{{%AUTOESCAPE context="HTML"}}<p class="lead">{{MESSAGE}}</p>
<p class="text-muted small">Code d'erreur : {{STATUS}}</p>
<p><a href="/">Revenir à l'accueil</a></p>
