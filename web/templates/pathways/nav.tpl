{{%AUTOESCAPE context="HTML"}}<p><a href="{{PERSON_URL}}">← Fiche de {{PERSON_NAME}}</a></p>
<p>État du parcours : <span class="badge badge-role">{{STATUS}}</span></p>
<nav aria-label="Sections du parcours" class="mb-4">
  <ul class="nav nav-tabs">
    {{#TAB}}<li class="nav-item"><a class="nav-link{{#CURRENT}} active{{/CURRENT}}" href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>{{/TAB}}
  </ul>
</nav>
