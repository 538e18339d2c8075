Bonjour {{NAME}},

Une réinitialisation du mot de passe de votre compte Jalon a été demandée.
Pour choisir un nouveau mot de passe, ouvrez ce lien (valable {{VALIDITY}}, une seule fois) :
{{LINK}}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.

-- 
Jalon
