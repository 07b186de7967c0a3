/**
 * Swedish words the seed combines into names of people, providers, units and streets, and into
 * the free text of decisions and EVB reports. All names are invented combinations of common
 * words, so any likeness to a real unit or company is chance.
 */

/** Common Swedish women's first names. */
export const FEMALE_FIRST_NAMES = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Christina', 'Lena', 'Emma', 'Kerstin', 'Marie',
  'Malin', 'Ingrid', 'Jenny', 'Hanna', 'Linda', 'Annika', 'Susanne', 'Elin', 'Monica', 'Birgitta',
  'Sofia', 'Johanna', 'Carina', 'Elisabeth', 'Julia', 'Ulrika', 'Helena', 'Camilla', 'Ida', 'Therese',
  'Åsa', 'Maja', 'Frida', 'Josefin', 'Amanda', 'Louise', 'Petra', 'Cecilia', 'Agneta', 'Lisa',
  'Matilda', 'Ebba', 'Klara', 'Fatima', 'Amina', 'Nour', 'Leila', 'Mira', 'Tove', 'Ylva',
  'Gunilla', 'Ann-Sofie', 'Märta', 'Astrid', 'Sanna', 'Jessica', 'Caroline', 'Mikaela', 'Rebecka', 'Ronja',
] as const;

/** Common Swedish men's first names. */
export const MALE_FIRST_NAMES = [
  'Lars', 'Mikael', 'Anders', 'Johan', 'Erik', 'Per', 'Karl', 'Peter', 'Thomas', 'Jan',
  'Daniel', 'Fredrik', 'Andreas', 'Hans', 'Stefan', 'Mohamed', 'Mats', 'Marcus', 'Magnus', 'Jonas',
  'Mattias', 'Niklas', 'Björn', 'Oskar', 'Alexander', 'Martin', 'Henrik', 'Patrik', 'David', 'Emil',
  'Viktor', 'Simon', 'Sebastian', 'Gustav', 'Robert', 'Christer', 'Håkan', 'Göran', 'Ulf', 'Olof',
  'Axel', 'Filip', 'Ali', 'Ahmed', 'Omar', 'Jonatan', 'Tobias', 'Linus', 'Rasmus', 'Joakim',
  'Kristoffer', 'Pontus', 'Jörgen', 'Åke', 'Leif', 'Bengt', 'Kent', 'Roger', 'Hampus', 'Elias',
] as const;

/** Common Swedish surnames. */
export const LAST_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
  'Lindström', 'Lindqvist', 'Lindgren', 'Axelsson', 'Berg', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist',
  'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund',
  'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson',
  'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson',
  'Nordström', 'Mårtensson', 'Lundström', 'Ali', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Mohammed', 'Berggren',
  'Sandström', 'Lund', 'Nordin', 'Ström', 'Åberg', 'Hermansson', 'Ekström', 'Holmgren', 'Falk', 'Dahlberg',
  'Hellström', 'Hedlund', 'Sundberg', 'Sjögren', 'Ek', 'Blom', 'Abrahamsson', 'Öberg', 'Martinsson', 'Andreasson',
  'Strömberg', 'Månsson', 'Hassan', 'Åkesson', 'Jeppsson', 'Dahl', 'Hedberg', 'Sundström', 'Ivarsson', 'Nordqvist',
] as const;

/** Place-like names for units ("Björkbacken"), used after a word such as "HVB" or "Gruppbostaden". */
export const UNIT_NAME_STEMS = [
  'Björkbacken', 'Linden', 'Eken', 'Tallbacken', 'Solgläntan', 'Ekbacken', 'Granliden', 'Lärkan', 'Fyren', 'Ängen',
  'Sjöglimten', 'Bryggan', 'Kompassen', 'Hamnen', 'Ankaret', 'Strandgården', 'Ljungbacken', 'Rönnen', 'Almen', 'Lönnen',
  'Hasseln', 'Vitsippan', 'Blåklinten', 'Prästkragen', 'Liljan', 'Tranan', 'Svanen', 'Ugglan', 'Fjärilen', 'Horisonten',
  'Stjärnan', 'Norrskenet', 'Kastanjen', 'Ängsgården', 'Solhem', 'Furuhöjden', 'Bäckagården', 'Kvarnen', 'Backagården', 'Kullen',
  'Udden', 'Näset', 'Viken', 'Holmen', 'Skogsbrynet', 'Hagen', 'Gläntan', 'Lyktan', 'Vallmon', 'Rosengården',
  'Hallonet', 'Lingonet', 'Enen', 'Aspen', 'Sälgen', 'Källan', 'Forsen', 'Åsen', 'Bergsgården', 'Dalgården',
  'Solrosen', 'Tallen', 'Gullvivan', 'Kattegatt', 'Fjällsippan', 'Lövhyddan', 'Mården', 'Ekorren', 'Hjorten', 'Tärnan',
  'Vägskälet', 'Milstolpen', 'Oasen', 'Vinden', 'Regnbågen', 'Bågen', 'Vindrosen', 'Havsörnen', 'Älgen', 'Måsen',
  'Lotsen', 'Trädgården', 'Paviljongen', 'Villan', 'Herrgården', 'Prästgården', 'Skolgården', 'Sjöstugan', 'Byn', 'Torpet',
] as const;

/** Words put before a unit name stem when the plain name is taken ("Lilla Björkbacken"). */
export const NAME_QUALIFIERS = ['Lilla', 'Stora', 'Nya', 'Norra', 'Södra', 'Östra', 'Västra', 'Övre', 'Nedre'] as const;

/** Words that open provider company and association names ("Kompass Omsorg AB"). */
export const PROVIDER_NAME_STEMS = [
  'Kompass', 'Nova', 'Vägvisaren', 'Fyrbåken', 'Horisont', 'Livskraft', 'Framsteg', 'Nystart', 'Ankaret', 'Bryggan',
  'Gemenskap', 'Mosaik', 'Lotsen', 'Tillit', 'Trygghet', 'Vardag', 'Växa', 'Förankring', 'Landmärket', 'Kompassrosen',
  'Ledstången', 'Steget', 'Källan', 'Grunden', 'Solsidan', 'Klövern', 'Nordstjärnan', 'Sydkusten', 'Västkusten', 'Östersjö',
  'Fjällvind', 'Skärgården', 'Mälardalen', 'Norrland', 'Bergslagen', 'Kustland', 'Lindgården', 'Ekgården', 'Björkgården', 'Solgården',
  'Vårdhuset', 'Omsorgshuset', 'Familjeglädje', 'Ungdomskraft', 'Vidsyn', 'Medvind', 'Motvind', 'Ljusglimt', 'Trappsteget', 'Nästa steg',
] as const;

/** Second parts of company names before "AB". */
export const COMPANY_NAME_SUFFIXES = [
  'Omsorg', 'Vård', 'Behandling', 'Ungdomsvård', 'Familjevård', 'Omsorg och Utveckling', 'Stöd och Boende', 'Care', 'Vård och Omsorg', 'Socialtjänst',
] as const;

/** Street names common across Sweden. The generator adds a street number. */
export const STREET_NAMES = [
  'Storgatan', 'Kyrkogatan', 'Drottninggatan', 'Skolgatan', 'Järnvägsgatan', 'Bangatan', 'Parkvägen', 'Björkvägen', 'Ekvägen', 'Tallvägen',
  'Granvägen', 'Lindvägen', 'Ängsvägen', 'Skogsvägen', 'Sjövägen', 'Strandvägen', 'Backvägen', 'Kvarnvägen', 'Smedjegatan', 'Hantverkargatan',
  'Trädgårdsgatan', 'Västra vägen', 'Östra Långgatan', 'Norra vägen', 'Södra Allén', 'Lärkvägen', 'Rönnvägen', 'Solvägen', 'Prästgårdsvägen', 'Bruksvägen',
  'Idrottsvägen', 'Fabriksgatan', 'Nygatan', 'Torggatan', 'Rådhusgatan', 'Tullgatan', 'Vallgatan', 'Kungsgatan', 'Hamngatan', 'Ringvägen',
  'Gärdesvägen', 'Hagvägen', 'Åkervägen', 'Lövängsvägen', 'Vitsippsvägen', 'Blåsippsvägen', 'Klövervägen', 'Stationsvägen', 'Mejerivägen', 'Sågverksvägen',
  'Furuvägen', 'Aspvägen', 'Hasselvägen', 'Lönnvägen', 'Almvägen', 'Kastanjevägen', 'Villagatan', 'Gamla landsvägen', 'Bygatan', 'Utsiktsvägen',
] as const;

/** Shortcomings that a decision (beslut) in a supervision case can name, as an object of "brister i …". */
export const SUPERVISION_FINDINGS = [
  'dokumentationen av genomförandeplaner',
  'bemanningen nattetid',
  'rutinerna för läkemedelshantering',
  'hanteringen av klagomål och synpunkter',
  'tillgången till personal med lämplig utbildning',
  'arbetet med avvikelser och lex Sarah-rapporter',
  'samverkan med placerande socialnämnder',
  'skyddet mot våld och kränkningar mellan de boende',
  'den enskildes möjlighet till skolgång',
  'kontrollen av belastningsregister vid anställning',
  'ledningssystemet för systematiskt kvalitetsarbete',
  'brandskyddet och lokalernas säkerhet',
] as const;

/** Reasons a permit application is refused, as the object of "sökanden har inte visat …". */
export const PERMIT_REFUSAL_REASONS = [
  'att verksamheten kommer att ha tillräcklig bemanning',
  'att lokalerna är ändamålsenliga för målgruppen',
  'att föreståndaren har den kompetens som krävs',
  'insikt i de föreskrifter som gäller för verksamheten',
  'att verksamheten har en hållbar ekonomi',
] as const;
