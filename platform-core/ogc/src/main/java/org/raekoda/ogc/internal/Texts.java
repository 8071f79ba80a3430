package org.raekoda.ogc.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.raekoda.api.eservice.LocalizedText;

/** The service's own words (titles, labels of the HTML pages) in the platform's four languages. */
final class Texts {

    static final List<String> LANGUAGES = List.of("en", "et", "lv", "sv");

    private static final Map<String, LocalizedText> TEXTS = Map.ofEntries(
            text("service", "Public register of issued permits", "Väljastatud lubade avalik register",
                    "Izsniegto atļauju publiskais reģistrs", "Offentligt register över utfärdade tillstånd"),
            text("serviceDescription",
                    "Where, when and why permits were issued, as OGC API – Features. No applicant is named.",
                    "Kus, millal ja miks lube väljastati, OGC API – Features teenusena. Taotlejaid ei nimetata.",
                    "Kur, kad un kāpēc izsniegtas atļaujas, kā OGC API – Features. Pieteicēji netiek nosaukti.",
                    "Var, när och varför tillstånd utfärdades, som OGC API – Features. Ingen sökande namnges."),
            text("permits", "Issued permits", "Väljastatud load", "Izsniegtās atļaujas", "Utfärdade tillstånd"),
            text("permitsDescription", "Permits of every e-service", "Kõigi e-teenuste load",
                    "Visu e-pakalpojumu atļaujas", "Tillstånd från alla e-tjänster"),
            text("collections", "Collections", "Kollektsioonid", "Kolekcijas", "Samlingar"),
            text("conformance", "Conformance classes", "Vastavusklassid", "Atbilstības klases", "Överensstämmelseklasser"),
            text("api", "API definition", "API kirjeldus", "API apraksts", "API-definition"),
            text("items", "Permits", "Load", "Atļaujas", "Tillstånd"),
            text("next", "Next page", "Järgmine leht", "Nākamā lapa", "Nästa sida"),
            text("prev", "Previous page", "Eelmine leht", "Iepriekšējā lapa", "Föregående sida"),
            text("json", "This page as JSON", "See leht JSON-ina", "Šī lapa kā JSON", "Den här sidan som JSON"),
            text("permitNumber", "Permit number", "Loa number", "Atļaujas numurs", "Tillståndsnummer"),
            text("serviceTitle", "E-service", "E-teenus", "E-pakalpojums", "E-tjänst"),
            text("organizationName", "Issued by", "Väljastaja", "Izsniedza", "Utfärdat av"),
            text("status", "Status", "Olek", "Statuss", "Status"),
            text("issuedOn", "Issued on", "Väljastatud", "Izsniegta", "Utfärdat"),
            text("occupiedFrom", "Occupied from", "Hõivatud alates", "Aizņemts no", "Upptaget från"),
            text("occupiedUntil", "Occupied until", "Hõivatud kuni", "Aizņemts līdz", "Upptaget till"),
            text("validUntil", "Valid until", "Kehtib kuni", "Derīga līdz", "Giltigt till"),
            text("decidedBy", "Decided by", "Otsustaja", "Lēmēja", "Beslutat av"),
            text("decidedAt", "Decided at", "Otsustatud", "Lemts", "Beslutat"),
            text("basis", "Basis of the decision", "Otsuse alus", "Lēmuma pamats", "Beslutets grund"),
            text("criterion", "Criterion", "Kriteerium", "Kritērijs", "Kriterium"),
            text("passed", "Met", "Täidetud", "Izpildīts", "Uppfyllt"),
            text("legalBasis", "Legal basis", "Õiguslik alus", "Tiesiskais pamats", "Rättslig grund"),
            text("yes", "yes", "jah", "jā", "ja"),
            text("no", "no", "ei", "nē", "nej"),
            text("location", "Location (GeoJSON)", "Asukoht (GeoJSON)", "Atrašanās vieta (GeoJSON)", "Plats (GeoJSON)"),
            text("none", "none", "puudub", "nav", "saknas"),
            text("extent", "Extent", "Ulatus", "Apjoms", "Utbredning"),
            text("matched", "Matching permits", "Sobivaid lube", "Atbilstošas atļaujas", "Matchande tillstånd"),
            text("returned", "On this page", "Sellel lehel", "Šajā lapā", "På den här sidan"),
            text("rules", "the rules", "reeglid", "noteikumi", "reglerna"),
            text("officer", "an officer", "ametnik", "ierēdnis", "en handläggare"),
            text("issued", "in force", "kehtiv", "spēkā", "gällande"),
            text("expired", "expired", "aegunud", "beigusies", "utgånget"),
            text("revoked", "revoked", "tühistatud", "atsaukta", "återkallat"),
            text("problem", "The request cannot be answered", "Päringule ei saa vastata", "Uz pieprasījumu nevar atbildēt",
                    "Begäran kan inte besvaras"));

    private Texts() {
    }

    private static Map.Entry<String, LocalizedText> text(String key, String en, String et, String lv, String sv) {
        return Map.entry(key, new LocalizedText(Map.of("en", en, "et", et, "lv", lv, "sv", sv)));
    }

    static String get(String key, String language) {
        LocalizedText text = TEXTS.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return text.in(List.of(Locale.forLanguageTag(language)));
    }
}
