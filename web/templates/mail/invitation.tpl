Bonjour,

{{INVITED_BY}} vous invite à rejoindre {{ORG}} sur Jalon, la plateforme partagée de l'insertion sociale et professionnelle, avec le rôle : {{ROLE}}.

Pour accepter l'invitation et créer votre accès, ouvrez ce lien (valable {{DAYS}} jours) :
{{LINK}}

Si vous ne vous attendiez pas à cette invitation, ignorez ce message.

-- 
Jalon
