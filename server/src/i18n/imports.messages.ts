import type { Translation } from './translation';

/** Texts of the spreadsheet import, French first; `{name}` is a parameter. */
export const importsFr = {
  'import.fileErrors': 'Le fichier contient {count} erreur(s) ; rien n’a été enregistré.',
  'import.moreErrors': '… et {count} autres erreurs.',
  'import.fileTooLarge': 'Fichier trop volumineux : {megabytes} Mo au plus.',
  'import.tooManyRows': 'Le fichier compte plus de {max} lignes : découpez-le.',
  'import.unsupportedType': 'Envoyez un classeur Excel (.xlsx) ou un fichier CSV.',
  'import.empty': 'Le fichier est vide.',
  'import.xls':
    'Les classeurs .xls (Excel 97-2003) ne sont pas pris en charge : enregistrez le fichier au format .xlsx ou CSV.',
  'import.notASpreadsheet':
    'Ce fichier n’est ni un classeur Excel (.xlsx) ni un fichier CSV lisible. Utilisez le modèle téléchargé depuis l’application.',
  'import.csvMalformed': 'Le fichier CSV est mal formé : vérifiez les guillemets et le séparateur.',
  'import.csvMalformedAt':
    'Le fichier CSV est mal formé (ligne {line}) : vérifiez les guillemets et le séparateur.',
  'import.csvNoHeader':
    'La première ligne du fichier CSV doit nommer les colonnes : périmètre, indicateur, ventilation, valeur, commentaire (ou scope, indicator, slice, value, comment).',
  'import.xlsxTooLarge': 'Ce classeur est trop volumineux une fois décompressé.',
  'import.xlsxTooComplex':
    'Ce classeur est trop complexe à lire (au plus {max} cellules) : supprimez les onglets et colonnes inutiles, ou découpez-le.',
  'import.fileTooComplex':
    'Ce fichier est trop volumineux ou trop complexe pour être lu : découpez-le, ou enregistrez-le au format CSV. Rien n’a été enregistré.',
  'import.csvTooWide':
    'La ligne {line} du fichier CSV compte plus de {max} colonnes : vérifiez le séparateur.',
  'import.csvRecordTooLong':
    'La ligne {line} du fichier CSV dépasse {megabytes} millions de caractères : vérifiez les guillemets.',
  'import.multipartOneFile':
    'Le formulaire envoyé doit contenir un seul fichier (multipart/form-data).',
  'import.multipartOneOverrides':
    'Le formulaire envoyé contient plusieurs champs « overrides » : envoyez les motifs en un seul tableau JSON.',
  'import.overridesNotJson':
    'Le champ « overrides » doit être un tableau JSON de motifs, chacun avec rule, scope, reason (et slice, subject au besoin).',
  'import.invalidText':
    'La cellule {cell} contient des caractères invalides (caractère nul ou Unicode mal formé) : corrigez-la et envoyez le fichier de nouveau.',
  'import.xlsxUnreadable':
    'Ce classeur Excel est illisible (fichier endommagé ou autre format). Enregistrez-le de nouveau au format .xlsx.',
  'import.wrongPoleFile': 'Ce fichier est le modèle d’un autre pôle ({pole}).',
  'import.wrongPeriodFile': 'Ce fichier est le modèle de {declared}, pas de {period}.',
  'import.unknownSheet':
    'Onglet « {sheet} » : aucune ligne d’en-tête avec les colonnes « code indicateur » et « valeur ».',
  'import.missingScopeColumn': 'Colonne « périmètre » (scope) manquante.',
  'import.unknownSheetScope':
    'Onglet « {sheet} » : ce nom n’est celui d’aucun périmètre du pôle ({scopes}).',
  'import.extraColumns':
    'Cette ligne a plus de colonnes que l’en-tête : dans un CSV séparé par des virgules, un nombre à virgule décimale doit être entre guillemets ("1,5").',
  'import.formulaWithoutResult':
    'Formule sans valeur calculée : recalculez et enregistrez le fichier dans votre tableur.',
  'import.missingScope': 'Périmètre manquant.',
  'import.missingIndicator': 'Code indicateur manquant.',
  'import.wrongPoleRow': 'Ligne d’un autre pôle ({pole}).',
  'import.wrongPeriodRow':
    'Ligne d’un autre trimestre ({found}) : le fichier est importé pour {period}.',
  'import.notANumber':
    '« {text} » n’est pas un nombre (exemples : 1 234,5 ou 1234.5 ; « - » pour effacer).',
  'import.tooLarge': 'Nombre beaucoup trop grand.',
  'import.commentTooLong': 'Commentaire trop long ({max} caractères au plus).',
  'import.reasonTooShort':
    'Motif de dérogation trop court ({min} caractères au moins) : expliquez pourquoi la valeur est juste, ou videz la cellule.',
  'import.reasonTooLong': 'Motif de dérogation trop long ({max} caractères au plus).',
  'import.badVersion':
    'Version illisible : cette colonne ne doit pas être modifiée (téléchargez un nouveau modèle).',
  'import.commentWithoutValue':
    'Un commentaire ne peut être enregistré que sur une valeur : saisissez aussi la valeur.',
  'import.reasonWithoutChange':
    'Motif de dérogation sur une ligne qui ne change rien : il n’y a rien à justifier. Videz la cellule (un motif ne vaut que pour l’import qui modifie la ligne).',
  'import.staleTemplate':
    '{indicator} a été modifié dans l’application depuis le téléchargement de ce fichier : téléchargez un nouveau modèle.',
} as const;

export const importsEn: Translation<typeof importsFr> = {
  'import.fileErrors': 'The file has {count} error(s); nothing was saved.',
  'import.moreErrors': '… and {count} more errors.',
  'import.fileTooLarge': 'File too large: {megabytes} MB at most.',
  'import.tooManyRows': 'The file has more than {max} rows: split it.',
  'import.unsupportedType': 'Send an Excel workbook (.xlsx) or a CSV file.',
  'import.empty': 'The file is empty.',
  'import.xls': 'Excel 97-2003 (.xls) workbooks are not supported: save the file as .xlsx or CSV.',
  'import.notASpreadsheet':
    'This file is neither an Excel workbook (.xlsx) nor a readable CSV file. Use the template downloaded from the application.',
  'import.csvMalformed': 'The CSV file is malformed: check the quotes and the separator.',
  'import.csvMalformedAt':
    'The CSV file is malformed (line {line}): check the quotes and the separator.',
  'import.csvNoHeader':
    'The first line of the CSV file must name the columns: scope, indicator, slice, value, comment.',
  'import.xlsxTooLarge': 'This workbook is too large once unzipped.',
  'import.xlsxTooComplex':
    'This workbook is too complex to read ({max} cells at most): remove unused sheets and columns, or split it.',
  'import.fileTooComplex':
    'This file is too large or too complex to be read: split it, or save it as CSV. Nothing was saved.',
  'import.csvTooWide':
    'Line {line} of the CSV file has more than {max} columns: check the separator.',
  'import.csvRecordTooLong':
    'Line {line} of the CSV file is over {megabytes} million characters: check the quotes.',
  'import.multipartOneFile': 'The form sent must hold exactly one file (multipart/form-data).',
  'import.multipartOneOverrides':
    'The form sent holds several "overrides" fields: send the reasons as one JSON array.',
  'import.overridesNotJson':
    'The "overrides" field must be a JSON array of reasons, each with rule, scope, reason (and slice, subject where needed).',
  'import.invalidText':
    'Cell {cell} holds invalid characters (a NUL character or malformed Unicode): fix it and send the file again.',
  'import.xlsxUnreadable':
    'This Excel workbook cannot be read (damaged file or another format). Save it again as .xlsx.',
  'import.wrongPoleFile': 'This file is the template of another pole ({pole}).',
  'import.wrongPeriodFile': 'This file is the template of {declared}, not {period}.',
  'import.unknownSheet': 'Sheet "{sheet}": no header row with the "indicator" and "value" columns.',
  'import.missingScopeColumn': 'Missing "scope" column.',
  'import.unknownSheetScope':
    'Sheet "{sheet}": this is the name of no scope of the pole ({scopes}).',
  'import.extraColumns':
    'This row has more columns than the header: in a comma-separated file, quote numbers with a decimal comma ("1,5").',
  'import.formulaWithoutResult':
    'Formula without a computed value: recalculate and save the file in your spreadsheet application.',
  'import.missingScope': 'Missing scope.',
  'import.missingIndicator': 'Missing indicator code.',
  'import.wrongPoleRow': 'Row of another pole ({pole}).',
  'import.wrongPeriodRow': 'Row of another quarter ({found}): the file is imported for {period}.',
  'import.notANumber': '"{text}" is not a number (e.g. 1234.5 or 1 234,5; "-" to clear).',
  'import.tooLarge': 'Number far too large.',
  'import.commentTooLong': 'Comment too long (at most {max} characters).',
  'import.reasonTooShort':
    'Override reason too short (at least {min} characters): explain why the value is right, or empty the cell.',
  'import.reasonTooLong': 'Override reason too long (at most {max} characters).',
  'import.badVersion':
    'Unreadable version: this column must not be edited (download a new template).',
  'import.commentWithoutValue': 'A comment can only be saved with a value: enter the value too.',
  'import.reasonWithoutChange':
    'Override reason on a row that changes nothing: there is nothing to justify. Empty the cell (a reason only applies to the import that changes the row).',
  'import.staleTemplate':
    '{indicator} was changed in the application since this file was downloaded: download a new template.',
};
