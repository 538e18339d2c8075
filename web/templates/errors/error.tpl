{{%AUTOESCAPE context="HTML"}}<p class="lead">{{MESSAGE}}</p>
<p><a href="/">Revenir à l'accueil</a></p>
