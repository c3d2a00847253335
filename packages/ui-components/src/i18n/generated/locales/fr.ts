// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  s070659ffbbc7b1c8: `Enregistrement impossible`,
  s071922eccfa99cca: `Administrateur`,
  s0a11c2ffb8309d1a: `Introuvable`,
  s204ee54ec0741671: `Il manque quelque chose`,
  s3430230c8f6c8b0a: `Trop de tentatives`,
  s4c54258ee6b6d65f: `Veuillez vous reconnecter`,
  s5e27738a2e8eb763: `Se connecter`,
  s70b4765cad7bc7cf: `Lecteur`,
  s7cfe12cd14df9950: `Se déconnecter`,
  s7e9563a06ea70662: `Action non autorisée`,
  sa675611de6b5ae6b: `Technicien`,
  sb22dad16ae95f4fe: str`Connecté en tant que ${0}`,
  sb9bd4f5a3810b77e: `Une erreur s’est produite`,
  sbd8d4510a7f6c3bf: `Ce changement n’est pas possible maintenant`,
  sd8928bc06f253dda: `Vérifiez les champs signalés`,
  se3e714766f25ef93: `Verrouillé`,
  se440dee3c77e9517: `Superviseur`,
  se48bd9e6c2a3109d: `Comptes`,
  sec8ec4f6420a421a: `Quelqu’un d’autre l’a modifié avant vous`,
};
