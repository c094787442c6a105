// The globals the Customer Service workspace provides to web resources, loosely typed for the samples.
declare const Microsoft: any;
declare const Xrm: any;
