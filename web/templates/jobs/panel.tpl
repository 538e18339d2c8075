{{%AUTOESCAPE context="HTML"}}<section class="mt-4" aria-labelledby="emploi-titre">
<h2 class="h4" id="emploi-titre">Emploi</h2>
<p>{{STATE}}. Métiers recherchés : {{JOBS}}.</p>
<p><a class="btn btn-outline-primary" href="{{LINK}}">Offres pour cette personne</a></p>
</section>
