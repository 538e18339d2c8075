{{%AUTOESCAPE context="HTML"}}<ul class="list-unstyled">
{{#SERVICE}}<li class="mb-2">
  <a href="{{LINK}}">{{NAME}}</a>, {{STRUCTURE}}, à {{KM}}<br><span class="text-muted">{{ADDRESS}}{{#PHONE}} · {{NUMBER}}{{/PHONE}}</span>
  <form method="post" action="{{ORIENT_ACTION}}" class="mt-1">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="service_id" value="{{SERVICE_ID}}">
    <input type="hidden" name="motif" value="{{MOTIF}}">
    <button class="btn btn-sm btn-outline-primary" type="submit">Orienter vers ce service<span class="visually-hidden"> : {{NAME}}, {{STRUCTURE}}</span></button>
  </form>
</li>{{/SERVICE}}
</ul>
